using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Graceful degradation: syntax the reader does not model is skipped as balanced tokens, keeping subqueries inside.</summary>
    internal sealed partial class SqlParser
    {
        /// <summary>Skips syntax the reader does not model, as balanced tokens, until an expression boundary.</summary>
        private SqlExpression ParseOpaque() => ParseOpaqueUntil(stopAtComma: true);

        private SqlExpression ParseOpaqueUntil(bool stopAtComma)
        {
            var opaque = new OpaqueExpression { Start = Current.Start };
            var depth = 0;
            var consumed = false;
            while (!AtEnd)
            {
                var token = Current;
                if (depth == 0 && consumed && (IsExpressionEnd(token) || (stopAtComma && token.Kind == SqlTokenKind.Comma)))
                {
                    break;
                }

                if (depth == 0 && (token.Kind == SqlTokenKind.RightParen || token.Kind == SqlTokenKind.RightBracket))
                {
                    break;
                }

                if (token.Kind == SqlTokenKind.LeftParen && StartsQuery(PeekToken(1)))
                {
                    Advance();
                    var query = ParseQuery();
                    Expect(SqlTokenKind.RightParen);
                    opaque.PartList.Add(new SubqueryExpression(query) { Start = token.Start, End = LastEnd });
                    consumed = true;
                    continue;
                }

                if (token.Kind == SqlTokenKind.LeftParen || token.Kind == SqlTokenKind.LeftBracket)
                {
                    depth++;
                }
                else if (token.Kind == SqlTokenKind.RightParen || token.Kind == SqlTokenKind.RightBracket)
                {
                    depth--;
                }

                Advance();
                consumed = true;
            }

            if (!consumed)
            {
                throw Unexpected();
            }

            opaque.End = LastEnd;
            return opaque;
        }

        /// <summary>Tokens that can never continue an expression.</summary>
        private static bool IsExpressionEnd(SqlToken token)
        {
            switch (token.Kind)
            {
                case SqlTokenKind.EndOfInput:
                case SqlTokenKind.Semicolon:
                case SqlTokenKind.Comma:
                case SqlTokenKind.RightParen:
                case SqlTokenKind.RightBracket:
                    return true;
                case SqlTokenKind.Identifier:
                    return SqlKeywords.ClauseBoundaries.Contains(token.Value);
                default:
                    return false;
            }
        }
    }
}
