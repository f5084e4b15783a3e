namespace TenantGuard.Harness.Audit.Policies;

internal enum TokenKind
{
    Identifier,
    QuotedIdentifier,
    String,
    Number,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    Dot,
    OpenBracket,
    CloseBracket,
}

/// <summary>One token of a deparsed expression, with its place in the source so findings can quote it.</summary>
internal readonly record struct ExpressionToken(TokenKind Kind, string Text, int Start, int End)
{
    public bool IsKeyword(string keyword) =>
        Kind == TokenKind.Identifier && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>The name as PostgreSQL resolves it: quoted identifiers keep their case, plain ones fold to lower.</summary>
    public string Name => Kind == TokenKind.QuotedIdentifier ? Text : Text.ToLowerInvariant();

    public bool IsName => Kind is TokenKind.Identifier or TokenKind.QuotedIdentifier;
}
