using System.Collections.Generic;
using TenantGuard.Sql.Lexing;
using TenantGuard.Sql.Parsing;

namespace TenantGuard.Sql.Analysis
{
    /// <summary>
    /// Finds role names by the grammar positions that hold them (CREATE ROLE x, GRANT … TO x, OWNER TO x, CREATE POLICY
    /// … TO x, FOR ROLE x, SET ROLE x, ALTER ROLE x, AUTHORIZATION x). DO blocks and EXECUTE of a literal run when the
    /// migration runs, so their text is read too; function bodies run later, if ever, and are not.
    /// </summary>
    internal static class RoleReferenceScanner
    {
        private const int MaxNesting = 4;

        public static MigrationRoles Scan(string text)
        {
            var created = new List<RoleMention>();
            var referenced = new List<RoleMention>();
            ScanText(text, null, created, referenced, 0);
            return new MigrationRoles(created, referenced);
        }

        /// <param name="line">The outer statement's line, for text nested in a DO block; null at top level.</param>
        private static void ScanText(string text, int? line, List<RoleMention> created, List<RoleMention> referenced, int depth)
        {
            var tokens = SqlLexer.Tokenize(text, interpolationHoles: false, new List<SqlProblem>());
            foreach (var (start, end) in StatementSplitter.Split(tokens))
            {
                var statement = new Statement(tokens, start, end, line ?? tokens[start].Line, created, referenced);
                statement.Scan();
                if (depth < MaxNesting)
                {
                    foreach (var body in statement.ImmediateBodies())
                    {
                        ScanText(body, line ?? tokens[start].Line, created, referenced, depth + 1);
                    }
                }
            }
        }

        /// <summary>One statement's tokens [start, end).</summary>
        private sealed class Statement
        {
            private readonly List<SqlToken> _tokens;
            private readonly int _start;
            private readonly int _end;
            private readonly int _line;
            private readonly List<RoleMention> _created;
            private readonly List<RoleMention> _referenced;

            public Statement(List<SqlToken> tokens, int start, int end, int line, List<RoleMention> created, List<RoleMention> referenced)
            {
                _tokens = tokens;
                _start = start;
                _end = end;
                _line = line;
                _created = created;
                _referenced = referenced;
            }

            public void Scan()
            {
                for (var i = _start; i < _end; i++)
                {
                    var token = _tokens[i];
                    if (token.Is("create") && IsRoleNoun(i + 1))
                    {
                        Add(_created, i + 2);
                        ScanRoleOptions(i + 3);
                    }
                    else if (token.Is("grant"))
                    {
                        ScanGrant(i, "to");
                    }
                    else if (token.Is("revoke"))
                    {
                        ScanGrant(i, "from");
                    }
                    else if (token.Is("owner") && Word(i + 1, "to"))
                    {
                        Add(_referenced, i + 2);
                    }
                    else if (token.Is("policy"))
                    {
                        ScanPolicyRoles(i + 1);
                    }
                    else if ((token.Is("for") || token.Is("set")) && Word(i + 1, "role"))
                    {
                        AddList(_referenced, i + 2);
                    }
                    else if (token.Is("alter") && IsRoleNoun(i + 1))
                    {
                        Add(_referenced, i + 2);
                    }
                    else if (token.Is("authorization"))
                    {
                        Add(_referenced, i + 1);
                    }
                }
            }

            /// <summary>The text a DO block or an EXECUTE of a string literal runs.</summary>
            public IEnumerable<string> ImmediateBodies()
            {
                for (var i = _start; i < _end; i++)
                {
                    if (!_tokens[i].Is("do") && !_tokens[i].Is("execute"))
                    {
                        continue;
                    }

                    var next = i + 1;
                    if (_tokens[i].Is("do") && Word(next, "language"))
                    {
                        next += 2;
                    }

                    if (next < _end && _tokens[next].IsStringLiteral)
                    {
                        yield return _tokens[next].Value;
                    }
                }
            }

            private bool IsRoleNoun(int index) =>
                Word(index, "role") || Word(index, "group") || (Word(index, "user") && !Word(index + 1, "mapping"));

            /// <summary>CREATE ROLE x IN ROLE a, b / ROLE a / ADMIN a / USER a.</summary>
            private void ScanRoleOptions(int index)
            {
                for (var i = index; i < _end; i++)
                {
                    if (Word(i, "in") && (Word(i + 1, "role") || Word(i + 1, "group")))
                    {
                        i = AddList(_referenced, i + 2);
                    }
                    else if (Word(i, "role") || Word(i, "admin") || Word(i, "user"))
                    {
                        i = AddList(_referenced, i + 1);
                    }
                }
            }

            /// <summary>GRANT privileges ON objects TO roles, or GRANT roles TO roles (likewise REVOKE … FROM).</summary>
            private void ScanGrant(int grant, string recipientsWord)
            {
                var depth = 0;
                var hasOn = false;
                for (var i = grant + 1; i < _end; i++)
                {
                    var kind = _tokens[i].Kind;
                    if (kind == SqlTokenKind.LeftParen)
                    {
                        depth++;
                    }
                    else if (kind == SqlTokenKind.RightParen)
                    {
                        depth--;
                    }
                    else if (depth == 0 && _tokens[i].Is("on"))
                    {
                        hasOn = true;
                    }
                    else if (depth == 0 && _tokens[i].Is(recipientsWord))
                    {
                        if (!hasOn)
                        {
                            AddList(_referenced, grant + 1); // GRANT a, b TO …: the granted roles
                        }

                        AddList(_referenced, i + 1);
                        return;
                    }
                }
            }

            /// <summary>CREATE/ALTER POLICY name ON table [AS …] [FOR …] TO roles [USING …] [WITH CHECK …].</summary>
            private void ScanPolicyRoles(int index)
            {
                for (var i = index; i < _end; i++)
                {
                    if (Word(i, "using") || Word(i, "with") || Word(i, "rename"))
                    {
                        return;
                    }

                    if (Word(i, "to"))
                    {
                        AddList(_referenced, i + 1);
                        return;
                    }
                }
            }

            /// <summary>Adds the comma-separated role names starting at index; returns the index of the last one read.</summary>
            private int AddList(List<RoleMention> into, int index)
            {
                var i = index;
                while (i < _end)
                {
                    if (Word(i, "group") || Word(i, "user"))
                    {
                        i++; // GRANT … TO GROUP x
                    }

                    Add(into, i);
                    if (i + 1 < _end && _tokens[i + 1].Kind == SqlTokenKind.Comma)
                    {
                        i += 2;
                        continue;
                    }

                    return i;
                }

                return i;
            }

            private void Add(List<RoleMention> into, int index)
            {
                if (index >= _end || !_tokens[index].IsIdentifierLike)
                {
                    return;
                }

                var token = _tokens[index];
                if (token.Kind == SqlTokenKind.Identifier && IsPseudoRole(token.Value))
                {
                    return;
                }

                into.Add(new RoleMention(token.Value, _line));
            }

            private static bool IsPseudoRole(string name) =>
                name == "public" || name == "current_user" || name == "session_user" || name == "current_role" ||
                name == "none" || name == "all";

            private bool Word(int index, string keyword) => index < _end && _tokens[index].Is(keyword);
        }
    }
}
