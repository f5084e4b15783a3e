namespace TenantGuard.Harness.Audit.Policies;

/// <summary>Decides whether a deparsed policy expression binds the tenant column to the tenant setting.</summary>
/// <param name="settingFunctions">Names of functions whose bodies read current_setting (e.g. get_current_tenant_id):
/// calling one counts as reading the setting.</param>
internal sealed class TenantPredicateAnalyzer(string tenantColumn, IReadOnlySet<string> settingFunctions)
{
    // Column and function names that mark deliberate cross-tenant access (seed 002's sharing modes, admin bypasses).
    private static readonly string[] SharingWords = ["shared", "sharing", "public", "global", "visibility"];
    private static readonly string[] BypassWords = ["admin", "superuser", "bypass", "platform", "service_role"];

    public PredicateVerdict Analyze(string expression)
    {
        var tree = BooleanExpressionParser.Parse(expression);
        var wrapped = new List<string>();
        var fallbacks = new List<string>();
        var (binding, culprit) = Evaluate(tree, wrapped, fallbacks);
        return new PredicateVerdict(binding, culprit, wrapped, fallbacks);
    }

    private (TenantBinding Binding, string Culprit) Evaluate(BooleanExpression node, List<string> wrapped, List<string> fallbacks)
    {
        switch (node)
        {
            case BooleanExpression.And and:
                return and.Operands.Select(o => Evaluate(o, wrapped, fallbacks)).MinBy(v => v.Binding);
            case BooleanExpression.Or or:
                return or.Operands.Select(o => Evaluate(o, wrapped, fallbacks)).MaxBy(v => v.Binding);
            case BooleanExpression.Not not:
                var inner = Evaluate(not.Operand, wrapped, fallbacks);
                // NOT (tenant_id = setting) selects exactly the other tenants' rows.
                return (inner.Binding == TenantBinding.Sharing ? TenantBinding.Sharing : TenantBinding.NotBound, $"NOT ({inner.Culprit})");
            case BooleanExpression.Leaf leaf:
                return (ClassifyLeaf(leaf, wrapped, fallbacks), leaf.Text);
            default:
                return (TenantBinding.NotBound, "");
        }
    }

    private TenantBinding ClassifyLeaf(BooleanExpression.Leaf leaf, List<string> wrapped, List<string> fallbacks)
    {
        var tokens = StripParens(leaf.Tokens);
        if (tokens.Count == 1 && tokens[0].IsKeyword("true"))
            return TenantBinding.Open;
        if (tokens.Count == 1 && tokens[0].IsKeyword("false"))
            return TenantBinding.Bound; // admits no row at all

        if (HasSettingFallback(tokens))
            fallbacks.Add(leaf.Text);

        var equals = IndexAtTopLevel(tokens, t => t.Kind == TokenKind.Operator && t.Text == "=");
        if (equals > 0)
        {
            var left = tokens.Take(equals).ToList();
            var right = tokens.Skip(equals + 1).ToList();
            var anyForm = right.Count > 0 && (right[0].IsKeyword("ANY") || right[0].IsKeyword("SOME"));
            if (IsTenantColumn(left, out var leftWrapped) && ReadsSetting(right))
                return Bound(leftWrapped);
            if (!anyForm && IsTenantColumn(right, out var rightWrapped) && ReadsSetting(left))
                return Bound(rightWrapped);
            if (anyForm && ReadsSetting(left))
                return TenantBinding.Sharing; // the tenant is listed in an array on the row: selective sharing
        }

        var @in = IndexAtTopLevel(tokens, t => t.IsKeyword("IN"));
        if (@in > 0 && IsTenantColumn(tokens.Take(@in).ToList(), out var inWrapped) && ReadsSetting(tokens.Skip(@in + 1).ToList()))
            return Bound(inWrapped);

        // EXISTS (SELECT … WHERE m.tenant_id = t.tenant_id AND m.user_id = current_setting(…)): a membership lookup.
        if (tokens.Count > 0 && tokens[0].IsKeyword("EXISTS") && ReadsSetting(tokens) && tokens.Any(IsTenantColumnName))
            return TenantBinding.Bound;

        return MentionsSharing(tokens) ? TenantBinding.Sharing : TenantBinding.NotBound;

        TenantBinding Bound(bool isWrapped)
        {
            if (isWrapped)
                wrapped.Add(leaf.Text);
            return TenantBinding.Bound;
        }
    }

    private bool IsTenantColumnName(ExpressionToken token) => token.IsName && token.Name == tenantColumn;

    /// <summary>True for <c>tenant_id</c>, <c>t.tenant_id</c>, <c>(tenant_id)::text</c>, <c>lower(tenant_id::text)</c>;
    /// <paramref name="wrapped"/> tells whether a cast or function was applied.</summary>
    private bool IsTenantColumn(IReadOnlyList<ExpressionToken> side, out bool wrapped)
    {
        wrapped = false;
        var tokens = StripParens(side);
        while (true)
        {
            var cast = IndexAtTopLevel(tokens, t => t.Kind == TokenKind.Operator && t.Text == "::");
            if (cast > 0)
            {
                tokens = StripParens(tokens.Take(cast).ToList());
                wrapped = true;
                continue;
            }
            if (tokens.Count >= 3 && tokens[0].IsName && tokens[1].Kind == TokenKind.OpenParen
                && tokens[^1].Kind == TokenKind.CloseParen && MatchingParen(tokens, 1) == tokens.Count - 1)
            {
                tokens = StripParens(tokens.Skip(2).Take(tokens.Count - 3).ToList());
                wrapped = true;
                continue;
            }
            break;
        }
        return tokens.Count switch
        {
            1 => IsTenantColumnName(tokens[0]),
            3 => tokens[0].IsName && tokens[1].Kind == TokenKind.Dot && IsTenantColumnName(tokens[2]),
            _ => false,
        };
    }

    private bool ReadsSetting(IReadOnlyList<ExpressionToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (tokens[i].IsName && tokens[i + 1].Kind == TokenKind.OpenParen
                && (tokens[i].Name == "current_setting" || settingFunctions.Contains(tokens[i].Name)))
                return true;
        }
        return false;
    }

    /// <summary>COALESCE(current_setting(…), &lt;something&gt;) where the something is a real value (not '' or NULL):
    /// a connection without a tenant then acts as that value's tenant.</summary>
    private bool HasSettingFallback(IReadOnlyList<ExpressionToken> tokens)
    {
        for (var i = 0; i + 1 < tokens.Count; i++)
        {
            if (!tokens[i].IsKeyword("COALESCE") || tokens[i + 1].Kind != TokenKind.OpenParen)
                continue;
            var close = MatchingParen(tokens, i + 1);
            if (close < 0)
                return false;
            var arguments = SplitArguments(tokens.Skip(i + 2).Take(close - i - 2).ToList());
            if (arguments.Count < 2 || !ReadsSetting(arguments[0]))
                continue;
            if (arguments.Skip(1).Any(argument => !IsEmptyLiteral(argument)))
                return true;
        }
        return false;
    }

    private static bool IsEmptyLiteral(IReadOnlyList<ExpressionToken> argument)
    {
        var tokens = StripParens(argument);
        var cast = IndexAtTopLevel(tokens, t => t.Kind == TokenKind.Operator && t.Text == "::");
        if (cast > 0)
            tokens = StripParens(tokens.Take(cast).ToList());
        return tokens.Count == 1 && ((tokens[0].Kind == TokenKind.String && tokens[0].Text.Length == 0) || tokens[0].IsKeyword("NULL"));
    }

    private static List<IReadOnlyList<ExpressionToken>> SplitArguments(IReadOnlyList<ExpressionToken> tokens)
    {
        var arguments = new List<IReadOnlyList<ExpressionToken>>();
        var current = new List<ExpressionToken>();
        var depth = 0;
        foreach (var token in tokens)
        {
            if (token.Kind is TokenKind.OpenParen or TokenKind.OpenBracket)
                depth++;
            else if (token.Kind is TokenKind.CloseParen or TokenKind.CloseBracket)
                depth--;
            if (depth == 0 && token.Kind == TokenKind.Comma)
            {
                arguments.Add(current);
                current = [];
                continue;
            }
            current.Add(token);
        }
        arguments.Add(current);
        return arguments;
    }

    private static bool MentionsSharing(IReadOnlyList<ExpressionToken> tokens)
    {
        foreach (var token in tokens)
        {
            var word = token.Kind == TokenKind.String ? token.Text.ToLowerInvariant() : token.IsName ? token.Name : null;
            if (word is null)
                continue;
            if (SharingWords.Any(word.Contains) || BypassWords.Any(word.Contains))
                return true;
        }
        return false;
    }

    private static IReadOnlyList<ExpressionToken> StripParens(IReadOnlyList<ExpressionToken> tokens)
    {
        while (tokens.Count >= 2 && tokens[0].Kind == TokenKind.OpenParen && MatchingParen(tokens, 0) == tokens.Count - 1)
            tokens = tokens.Skip(1).Take(tokens.Count - 2).ToList();
        return tokens;
    }

    private static int MatchingParen(IReadOnlyList<ExpressionToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == TokenKind.OpenParen)
                depth++;
            else if (tokens[i].Kind == TokenKind.CloseParen && --depth == 0)
                return i;
        }
        return -1;
    }

    private static int IndexAtTopLevel(IReadOnlyList<ExpressionToken> tokens, Func<ExpressionToken, bool> predicate)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.OpenParen or TokenKind.OpenBracket)
                depth++;
            else if (token.Kind is TokenKind.CloseParen or TokenKind.CloseBracket)
                depth--;
            else if (depth == 0 && predicate(token))
                return i;
        }
        return -1;
    }
}
