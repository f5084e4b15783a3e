namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Parses tokens into AND / OR / NOT over leaves. Parentheses are a boolean group only when they wrap a whole
/// operand (<c>(a = b) OR (c)</c>); otherwise they belong to the leaf (<c>(tenant_id)::text = …</c>, sub-selects).</summary>
internal sealed class BooleanExpressionParser
{
    private readonly IReadOnlyList<ExpressionToken> _tokens;
    private readonly string _source;
    private int _position;

    private BooleanExpressionParser(IReadOnlyList<ExpressionToken> tokens, string source)
    {
        _tokens = tokens;
        _source = source;
    }

    public static BooleanExpression Parse(string source)
    {
        var tokens = ExpressionTokenizer.Tokenize(source);
        return new BooleanExpressionParser(tokens, source).ParseRange(0, tokens.Count);
    }

    private BooleanExpression ParseRange(int start, int end)
    {
        var saved = _position;
        _position = start;
        var result = ParseOr(end);
        _position = saved;
        return result;
    }

    private BooleanExpression ParseOr(int end)
    {
        var operands = new List<BooleanExpression> { ParseAnd(end) };
        while (_position < end && _tokens[_position].IsKeyword("OR"))
        {
            _position++;
            operands.Add(ParseAnd(end));
        }
        return operands.Count == 1 ? operands[0] : new BooleanExpression.Or(operands);
    }

    private BooleanExpression ParseAnd(int end)
    {
        var operands = new List<BooleanExpression> { ParseNot(end) };
        while (_position < end && _tokens[_position].IsKeyword("AND"))
        {
            _position++;
            operands.Add(ParseNot(end));
        }
        return operands.Count == 1 ? operands[0] : new BooleanExpression.And(operands);
    }

    private BooleanExpression ParseNot(int end)
    {
        if (_position < end && _tokens[_position].IsKeyword("NOT"))
        {
            _position++;
            return new BooleanExpression.Not(ParseNot(end));
        }

        if (_position < end && _tokens[_position].Kind == TokenKind.OpenParen)
        {
            var close = MatchingParen(_position, end);
            var after = close + 1;
            var wholeOperand = after >= end || _tokens[after].IsKeyword("AND") || _tokens[after].IsKeyword("OR");
            if (wholeOperand && !StartsSubSelect(_position + 1))
            {
                var group = ParseRange(_position + 1, close);
                _position = after;
                return group;
            }
        }
        return ParseLeaf(end);
    }

    private BooleanExpression ParseLeaf(int end)
    {
        var start = _position;
        var depth = 0;
        while (_position < end)
        {
            var token = _tokens[_position];
            if (depth == 0 && (token.IsKeyword("AND") || token.IsKeyword("OR")))
                break;
            if (token.Kind is TokenKind.OpenParen or TokenKind.OpenBracket)
                depth++;
            else if (token.Kind is TokenKind.CloseParen or TokenKind.CloseBracket)
                depth--;
            _position++;
        }
        var tokens = _tokens.Skip(start).Take(_position - start).ToList();
        var text = tokens.Count == 0 ? "" : _source[tokens[0].Start..tokens[^1].End];
        return new BooleanExpression.Leaf(tokens, text);
    }

    private int MatchingParen(int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (_tokens[i].Kind == TokenKind.OpenParen)
                depth++;
            else if (_tokens[i].Kind == TokenKind.CloseParen && --depth == 0)
                return i;
        }
        return end - 1;
    }

    private bool StartsSubSelect(int index) => index < _tokens.Count && _tokens[index].IsKeyword("SELECT");
}
