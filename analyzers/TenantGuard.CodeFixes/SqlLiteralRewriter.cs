using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TenantGuard.Sql;

namespace TenantGuard.CodeFixes
{
    /// <summary>
    /// Applies edits made to SQL text back to the C# literal the SQL came from: regular and verbatim strings are
    /// rewritten whole; raw and interpolated strings are edited in place so their layout and holes survive.
    /// Returns null when the literal's text does not map 1:1 to the SQL, in which case no fix is offered.
    /// </summary>
    internal static class SqlLiteralRewriter
    {
        public static ExpressionSyntax? Rewrite(SyntaxNode literal, IReadOnlyList<SqlTextEdit> edits)
        {
            if (edits.Count == 0)
            {
                return null;
            }

            switch (literal)
            {
                case LiteralExpressionSyntax plain when plain.Token.IsKind(SyntaxKind.StringLiteralToken):
                    return RewriteWhole(plain, edits);
                case LiteralExpressionSyntax raw when raw.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) ||
                                                      raw.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken):
                    return RewriteMapped(raw, raw.Token.ValueText, MapRaw(raw.Token), edits, holes: null);
                case InterpolatedStringExpressionSyntax interpolated:
                    return RewriteInterpolated(interpolated, edits);
                default:
                    return null;
            }
        }

        public static string Apply(string text, IReadOnlyList<SqlTextEdit> edits)
        {
            var builder = new StringBuilder(text);
            foreach (var edit in edits.OrderByDescending(e => e.Start))
            {
                if (edit.Start < 0 || edit.Start + edit.Length > builder.Length)
                {
                    return text;
                }

                builder.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.NewText);
            }

            return builder.ToString();
        }

        private static ExpressionSyntax RewriteWhole(LiteralExpressionSyntax literal, IReadOnlyList<SqlTextEdit> edits)
        {
            var value = Apply(literal.Token.ValueText, edits);
            var token = literal.Token.Text.StartsWith("@", StringComparison.Ordinal)
                ? SyntaxFactory.Literal("@\"" + value.Replace("\"", "\"\"") + "\"", value)
                : SyntaxFactory.Literal(value);
            return literal.WithToken(token.WithTriviaFrom(literal.Token));
        }

        /// <summary>
        /// Maps each offset of a raw string's value (0..Length inclusive) to an offset in the token's source text;
        /// null when the layout is not understood.
        /// </summary>
        private static int[]? MapRaw(SyntaxToken token)
        {
            var text = token.Text;
            var quotes = 0;
            while (quotes < text.Length && text[quotes] == '"')
            {
                quotes++;
            }

            var value = token.ValueText;
            var map = new List<int>(value.Length + 1);
            if (token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
            {
                for (var i = 0; i <= value.Length; i++)
                {
                    map.Add(quotes + i);
                }

                return text.Substring(quotes, Math.Max(0, text.Length - 2 * quotes)) == value ? map.ToArray() : null;
            }

            var lines = SplitLines(text);
            if (lines.Count < 3)
            {
                return null;
            }

            var last = lines[lines.Count - 1];
            var indent = 0;
            while (indent < last.Length && (text[last.Start + indent] == ' ' || text[last.Start + indent] == '\t'))
            {
                indent++;
            }

            var rebuilt = new StringBuilder();
            for (var l = 1; l < lines.Count - 1; l++)
            {
                var line = lines[l];
                var skip = Math.Min(indent, line.Length);
                for (var i = line.Start + skip; i < line.Start + line.Length; i++)
                {
                    map.Add(i);
                    rebuilt.Append(text[i]);
                }

                if (l < lines.Count - 2)
                {
                    for (var i = line.Start + line.Length; i < lines[l + 1].Start; i++)
                    {
                        map.Add(i);
                        rebuilt.Append(text[i]);
                    }
                }
                else
                {
                    map.Add(line.Start + line.Length);
                }
            }

            return rebuilt.ToString() == value ? map.ToArray() : null;
        }

        private static List<(int Start, int Length)> SplitLines(string text)
        {
            var lines = new List<(int Start, int Length)>();
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    var end = i > 0 && text[i - 1] == '\r' ? i - 1 : i;
                    lines.Add((start, end - start));
                    start = i + 1;
                }
            }

            lines.Add((start, text.Length - start));
            return lines;
        }

        private static ExpressionSyntax? RewriteInterpolated(InterpolatedStringExpressionSyntax interpolated, IReadOnlyList<SqlTextEdit> edits)
        {
            var start = interpolated.StringStartToken.Text;
            if (start != "$\"" && start != "$@\"" && start != "@$\"")
            {
                return null;
            }

            // The folded SQL is the text parts with every hole written as {0}, {1}, ...
            var nodeStart = interpolated.SpanStart;
            var map = new List<int>();
            var holes = new List<string>();
            var value = new StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax text)
                {
                    if (text.TextToken.Text != text.TextToken.ValueText)
                    {
                        return null;
                    }

                    for (var i = 0; i < text.TextToken.Text.Length; i++)
                    {
                        map.Add(text.SpanStart - nodeStart + i);
                        value.Append(text.TextToken.Text[i]);
                    }
                }
                else if (content is InterpolationSyntax hole)
                {
                    var placeholder = "{" + holes.Count + "}";
                    holes.Add(hole.ToString());
                    map.Add(hole.SpanStart - nodeStart);
                    for (var i = 1; i < placeholder.Length; i++)
                    {
                        map.Add(-1);
                    }

                    value.Append(placeholder);
                }
            }

            map.Add(interpolated.StringEndToken.SpanStart - nodeStart);
            return RewriteMapped(interpolated, value.ToString(), map.ToArray(), edits, holes);
        }

        private static ExpressionSyntax? RewriteMapped(ExpressionSyntax node, string value, int[]? map, IReadOnlyList<SqlTextEdit> edits, List<string>? holes)
        {
            if (map == null || map.Length != value.Length + 1)
            {
                return null;
            }

            var source = new StringBuilder(node.ToString());
            foreach (var edit in edits.OrderByDescending(e => e.Start))
            {
                var end = edit.Start + edit.Length;
                if (edit.Start < 0 || end > value.Length || map[edit.Start] < 0 || map[end] < 0)
                {
                    return null;
                }

                var newText = holes == null ? edit.NewText : RestoreHoles(edit.NewText, holes);
                if (newText == null)
                {
                    return null;
                }

                source.Remove(map[edit.Start], map[end] - map[edit.Start]).Insert(map[edit.Start], newText);
            }

            var parsed = SyntaxFactory.ParseExpression(source.ToString());
            return parsed.ContainsDiagnostics ? null : parsed.WithTriviaFrom(node);
        }

        /// <summary>In an interpolated string, {0}, {1}... in new SQL are the original holes; {name} is a new hole.</summary>
        private static string? RestoreHoles(string newText, List<string> holes)
        {
            var builder = new StringBuilder();
            var i = 0;
            while (i < newText.Length)
            {
                if (newText[i] == '{')
                {
                    var close = newText.IndexOf('}', i);
                    if (close < 0)
                    {
                        return null;
                    }

                    var inner = newText.Substring(i + 1, close - i - 1);
                    if (int.TryParse(inner, out var index))
                    {
                        if (index < 0 || index >= holes.Count)
                        {
                            return null;
                        }

                        builder.Append(holes[index]);
                    }
                    else
                    {
                        builder.Append(newText, i, close - i + 1);
                    }

                    i = close + 1;
                }
                else if (newText[i] == '}')
                {
                    return null;
                }
                else
                {
                    builder.Append(newText[i]);
                    i++;
                }
            }

            return builder.ToString();
        }
    }
}
