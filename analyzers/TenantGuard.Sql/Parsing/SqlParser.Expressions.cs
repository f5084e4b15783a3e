using System.Collections.Generic;
using System.Text;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Syntax;

namespace TenantGuard.Sql.Parsing
{
    /// <summary>Expressions, by PostgreSQL's operator precedence (lowest first).</summary>
    internal sealed partial class SqlParser
    {
        private SqlExpression ParseExpression()
        {
            Enter();
            try
            {
                return ParseOr();
            }
            finally
            {
                Leave();
            }
        }

        private List<SqlExpression> ParseExpressionList()
        {
            var list = new List<SqlExpression> { ParseExpression() };
            while (Accept(SqlTokenKind.Comma))
            {
                list.Add(ParseExpression());
            }

            return list;
        }

        private SqlExpression ParseOr()
        {
            var left = ParseAnd();
            while (Current.Is("or"))
            {
                Advance();
                left = Binary("or", left, ParseAnd());
            }

            return left;
        }

        private SqlExpression ParseAnd()
        {
            var left = ParseNot();
            while (Current.Is("and"))
            {
                Advance();
                left = Binary("and", left, ParseNot());
            }

            return left;
        }

        private SqlExpression ParseNot()
        {
            if (Current.Is("not"))
            {
                var start = Advance().Start;
                Enter();
                try
                {
                    var operand = ParseNot();
                    return new UnaryExpression("not", operand) { Start = start, End = operand.End };
                }
                finally
                {
                    Leave();
                }
            }

            return ParseIs();
        }

        private SqlExpression ParseIs()
        {
            var left = ParseComparison();
            while (true)
            {
                if (Current.Is("isnull") || Current.Is("notnull"))
                {
                    var negated = Advance().Value == "notnull";
                    left = new IsExpression(left, negated, "null", null) { Start = left.Start, End = LastEnd };
                }
                else if (Current.Is("is"))
                {
                    Advance();
                    var negated = Accept("not");
                    SqlExpression? right = null;
                    string test;
                    if (AcceptSequence("distinct", "from"))
                    {
                        test = "distinct from";
                        right = ParseComparison();
                    }
                    else if (Current.Kind == SqlTokenKind.Identifier)
                    {
                        test = Advance().Value;
                        SkipIsPredicateTail();
                    }
                    else
                    {
                        throw Unexpected();
                    }

                    left = new IsExpression(left, negated, test, right) { Start = left.Start, End = LastEnd };
                }
                else
                {
                    return left;
                }
            }
        }

        /// <summary>IS JSON OBJECT, IS NFC NORMALIZED and similar rarely used tails.</summary>
        private void SkipIsPredicateTail()
        {
            while (Current.Is("normalized") || Current.Is("object") || Current.Is("array") || Current.Is("scalar") || Current.Is("value"))
            {
                Advance();
            }
        }

        private SqlExpression ParseComparison()
        {
            var left = ParsePredicate();
            while (Current.Kind == SqlTokenKind.Operator && IsComparison(Current.Value))
            {
                var op = Advance().Value;
                left = Binary(op == "!=" ? "<>" : op, left, ParseRightOperand(RightOperandLevel.Predicate));
            }

            return left;
        }

        private static bool IsComparison(string op) =>
            op == "=" || op == "<>" || op == "!=" || op == "<" || op == ">" || op == "<=" || op == ">=";

        private SqlExpression ParsePredicate()
        {
            var left = ParseOtherOperator();
            while (true)
            {
                var negated = false;
                var next = PeekToken(1);
                if (Current.Is("not") && (next.Is("like") || next.Is("ilike") || next.Is("between") || next.Is("in") || next.Is("similar")))
                {
                    Advance();
                    negated = true;
                }

                if (Current.Is("like") || Current.Is("ilike"))
                {
                    var op = (negated ? "not " : string.Empty) + Advance().Value;
                    left = Binary(op, left, ParseRightOperand(RightOperandLevel.Other));
                    left = ParseEscape(left);
                }
                else if (Current.Is("similar"))
                {
                    Advance();
                    Expect("to");
                    left = Binary(negated ? "not similar to" : "similar to", left, ParseOtherOperator());
                    left = ParseEscape(left);
                }
                else if (Current.Is("between"))
                {
                    Advance();
                    if (!Accept("symmetric"))
                    {
                        Accept("asymmetric");
                    }

                    var low = ParseOtherOperator();
                    Expect("and");
                    var high = ParseOtherOperator();
                    left = new BetweenExpression(left, negated, low, high) { Start = left.Start, End = high.End };
                }
                else if (Current.Is("in"))
                {
                    Advance();
                    left = ParseInList(left, negated);
                }
                else if (negated)
                {
                    throw Unexpected();
                }
                else
                {
                    return left;
                }
            }
        }

        private SqlExpression ParseEscape(SqlExpression left)
        {
            if (!Accept("escape"))
            {
                return left;
            }

            var escape = ParseOtherOperator();
            return Binary("escape", left, escape);
        }

        private SqlExpression ParseInList(SqlExpression operand, bool negated)
        {
            if (Current.Kind != SqlTokenKind.LeftParen)
            {
                // position('x' IN col) and similar: an ordinary infix use.
                return Binary(negated ? "not in" : "in", operand, ParseOtherOperator());
            }

            if (StartsQuery(PeekToken(1)))
            {
                Advance();
                var query = ParseQuery();
                Expect(SqlTokenKind.RightParen);
                return new InExpression(operand, negated, null, query) { Start = operand.Start, End = LastEnd };
            }

            Advance();
            var values = ParseExpressionList();
            Expect(SqlTokenKind.RightParen);
            return new InExpression(operand, negated, values, null) { Start = operand.Start, End = LastEnd };
        }

        private SqlExpression ParseOtherOperator()
        {
            var left = ParseAdditive();
            while ((Current.Kind == SqlTokenKind.Operator && IsOtherOperator(Current.Value)) ||
                   (Current.Is("operator") && PeekToken(1).Kind == SqlTokenKind.LeftParen))
            {
                string op;
                if (Current.Is("operator"))
                {
                    // OPERATOR(schema.op): an explicitly qualified operator.
                    Advance();
                    SkipParenthesized();
                    op = "operator";
                }
                else
                {
                    op = Advance().Value;
                }

                if (IsExpressionEnd(Current))
                {
                    // A postfix operator (removed in PostgreSQL 14, still harmless to read).
                    left = new UnaryExpression(op, left) { Start = left.Start, End = LastEnd };
                    continue;
                }

                left = Binary(op, left, ParseRightOperand(RightOperandLevel.Additive));
            }

            return left;
        }

        private static bool IsOtherOperator(string op) =>
            !IsComparison(op) && op != "+" && op != "-" && op != "*" && op != "/" && op != "%" && op != "^" &&
            op != "::" && op != ":=" && op != "=>";

        private SqlExpression ParseAdditive()
        {
            var left = ParseMultiplicative();
            while (Current.IsOperator("+") || Current.IsOperator("-"))
            {
                var op = Advance().Value;
                left = Binary(op, left, ParseMultiplicative());
            }

            return left;
        }

        private SqlExpression ParseMultiplicative()
        {
            var left = ParseExponent();
            while (Current.IsOperator("*") || Current.IsOperator("/") || Current.IsOperator("%"))
            {
                var op = Advance().Value;
                left = Binary(op, left, ParseExponent());
            }

            return left;
        }

        private SqlExpression ParseExponent()
        {
            var left = ParseUnary();
            while (Current.IsOperator("^"))
            {
                Advance();
                left = Binary("^", left, ParseUnary());
            }

            return left;
        }

        private SqlExpression ParseUnary()
        {
            if (Current.Kind == SqlTokenKind.Operator && Current.Value != "::" && Current.Value != "*")
            {
                if (IsExpressionEnd(PeekToken(1)))
                {
                    // A lone operator character where a value belongs, such as an ODBC-style ? placeholder.
                    var lone = Advance();
                    return new OpaqueExpression { Start = lone.Start, End = lone.End };
                }

                var token = Advance();
                Enter();
                try
                {
                    var operand = ParseUnary();
                    return new UnaryExpression(token.Value, operand) { Start = token.Start, End = operand.End };
                }
                finally
                {
                    Leave();
                }
            }

            return ParsePostfix(ParsePrimary());
        }

        private enum RightOperandLevel
        {
            Predicate,
            Other,
            Additive,
        }

        /// <summary>The right side of an operator, which may be ANY / SOME / ALL ( … ).</summary>
        private SqlExpression ParseRightOperand(RightOperandLevel level)
        {
            if ((Current.Is("any") || Current.Is("some") || Current.Is("all")) && PeekToken(1).Kind == SqlTokenKind.LeftParen)
            {
                var start = Current.Start;
                var quantifier = Advance().Value;
                Advance();
                QuantifiedExpression quantified;
                if (StartsQuery(Current))
                {
                    quantified = new QuantifiedExpression(quantifier, null, ParseQuery());
                }
                else
                {
                    quantified = new QuantifiedExpression(quantifier, ParseExpression(), null);
                }

                Expect(SqlTokenKind.RightParen);
                quantified.Start = start;
                quantified.End = LastEnd;
                return quantified;
            }

            switch (level)
            {
                case RightOperandLevel.Predicate:
                    return ParsePredicate();
                case RightOperandLevel.Other:
                    return ParseOtherOperator();
                default:
                    return ParseAdditive();
            }
        }

        private SqlExpression ParsePostfix(SqlExpression operand)
        {
            while (true)
            {
                if (Current.IsOperator("::"))
                {
                    Advance();
                    var typeName = ParseTypeName();
                    operand = new CastExpression(operand, typeName) { Start = operand.Start, End = LastEnd };
                }
                else if (Current.Kind == SqlTokenKind.LeftBracket)
                {
                    operand = ParseSubscript(operand);
                }
                else if (Current.Is("at") && (PeekToken(1).Is("time") || PeekToken(1).Is("local")))
                {
                    Advance();
                    if (!Accept("local"))
                    {
                        Expect("time");
                        Expect("zone");
                        operand = Binary("at time zone", operand, ParseUnary());
                    }
                }
                else if (Current.Is("collate"))
                {
                    Advance();
                    ParseQualifiedNameParts();
                    operand.End = LastEnd;
                }
                else if (Current.Kind == SqlTokenKind.Dot)
                {
                    // (composite).field or (composite).*
                    Advance();
                    if (!Accept(SqlTokenKind.Operator) && !Current.IsIdentifierLike)
                    {
                        throw Unexpected();
                    }

                    if (Current.IsIdentifierLike)
                    {
                        Advance();
                    }

                    var selection = new OpaqueExpression { Start = operand.Start, End = LastEnd };
                    selection.PartList.Add(operand);
                    operand = selection;
                }
                else
                {
                    return operand;
                }
            }
        }

        private SqlExpression ParseSubscript(SqlExpression operand)
        {
            var subscript = new SubscriptExpression(operand) { Start = operand.Start };
            Expect(SqlTokenKind.LeftBracket);
            while (Current.Kind != SqlTokenKind.RightBracket)
            {
                if (Accept(SqlTokenKind.Colon) || Accept(SqlTokenKind.Comma))
                {
                    continue;
                }

                if (AtEnd)
                {
                    throw Error("Expected ]");
                }

                subscript.IndexList.Add(ParseExpression());
            }

            Expect(SqlTokenKind.RightBracket);
            subscript.End = LastEnd;
            return subscript;
        }

        /// <summary>A type name after :: or AS: dotted name, multi-word types, modifiers, array bounds.</summary>
        private string ParseTypeName()
        {
            var builder = new StringBuilder();
            if (Accept("setof"))
            {
                builder.Append("setof ");
            }

            builder.Append(string.Join(".", ParseQualifiedNameParts()));
            while (Current.Is("varying") || Current.Is("precision") || (Current.Is("with") && PeekToken(1).Is("time")) ||
                   (Current.Is("without") && PeekToken(1).Is("time")) || Current.Is("time") || Current.Is("zone"))
            {
                builder.Append(' ').Append(Advance().Value);
            }

            if (Current.Kind == SqlTokenKind.LeftParen)
            {
                SkipParenthesized();
            }

            while (Current.Kind == SqlTokenKind.LeftBracket)
            {
                Advance();
                Accept(SqlTokenKind.Number);
                Expect(SqlTokenKind.RightBracket);
                builder.Append("[]");
            }

            if (Current.Is("array"))
            {
                Advance();
                builder.Append("[]");
            }

            return builder.ToString();
        }

        private List<string> ParseQualifiedNameParts()
        {
            var parts = new List<string> { ExpectIdentifier() };
            while (Current.Kind == SqlTokenKind.Dot && PeekToken(1).IsIdentifierLike)
            {
                Advance();
                parts.Add(Advance().Value);
            }

            return parts;
        }

        private static BinaryExpression Binary(string op, SqlExpression left, SqlExpression right) =>
            new BinaryExpression(op, left, right) { Start = left.Start, End = right.End };
    }
}
