using System.Collections.Generic;

namespace TenantGuard.Sql
{
    /// <summary>One statement of a script: its text as written (without the closing semicolon), where it starts, and its tokens.</summary>
    public sealed class SqlScriptStatement
    {
        internal SqlScriptStatement(string text, int offset, int line, IReadOnlyList<SqlWord> words)
        {
            Text = text;
            Offset = offset;
            Line = line;
            Words = words;
        }

        public string Text { get; }

        public int Offset { get; }

        /// <summary>1-based line of the statement's first token.</summary>
        public int Line { get; }

        /// <summary>The statement's tokens, comments left out.</summary>
        public IReadOnlyList<SqlWord> Words { get; }

        /// <summary>True when the statement starts with these unquoted words, e.g. StartsWith("create", "role").</summary>
        public bool StartsWith(params string[] words)
        {
            if (words.Length > Words.Count)
            {
                return false;
            }

            for (var i = 0; i < words.Length; i++)
            {
                if (!Words[i].Is(words[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when the unquoted word appears anywhere in the statement (outside strings and comments).</summary>
        public bool Contains(string word)
        {
            foreach (var token in Words)
            {
                if (token.Is(word))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
