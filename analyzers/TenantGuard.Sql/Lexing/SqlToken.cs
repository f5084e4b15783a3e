namespace TenantGuard.Sql.Lexing
{
    /// <summary>One lexical token with its place in the text (offset, 1-based line and column).</summary>
    internal readonly struct SqlToken
    {
        public SqlToken(SqlTokenKind kind, int start, int length, int line, int column, string value)
        {
            Kind = kind;
            Start = start;
            Length = length;
            Line = line;
            Column = column;
            Value = value;
        }

        public SqlTokenKind Kind { get; }

        public int Start { get; }

        public int Length { get; }

        public int End => Start + Length;

        public int Line { get; }

        public int Column { get; }

        /// <summary>Folded identifier, unescaped string content, operator text or placeholder as written.</summary>
        public string Value { get; }

        public bool IsStringLiteral =>
            Kind == SqlTokenKind.String || Kind == SqlTokenKind.EscapeString || Kind == SqlTokenKind.DollarString ||
            Kind == SqlTokenKind.NationalString || Kind == SqlTokenKind.UnicodeString;

        public bool IsPlaceholder =>
            Kind == SqlTokenKind.PositionalParameter || Kind == SqlTokenKind.NamedParameter ||
            Kind == SqlTokenKind.InterpolationHole;

        public bool IsIdentifierLike => Kind == SqlTokenKind.Identifier || Kind == SqlTokenKind.QuotedIdentifier;

        /// <summary>True for the unquoted keyword <paramref name="keyword"/> (given in lower case).</summary>
        public bool Is(string keyword) => Kind == SqlTokenKind.Identifier && string.Equals(Value, keyword, System.StringComparison.Ordinal);

        public bool IsOperator(string op) => Kind == SqlTokenKind.Operator && string.Equals(Value, op, System.StringComparison.Ordinal);

        public override string ToString() => Kind + " '" + Value + "' @" + Line + ":" + Column;
    }
}
