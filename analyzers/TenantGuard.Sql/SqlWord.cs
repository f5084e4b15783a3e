using System;

namespace TenantGuard.Sql
{
    /// <summary>The kind of a <see cref="SqlWord"/>.</summary>
    public enum SqlWordKind
    {
        /// <summary>An unquoted identifier or keyword; <see cref="SqlWord.Value"/> is folded to lower case.</summary>
        Word,

        /// <summary>A "quoted" identifier; the value is kept verbatim.</summary>
        QuotedIdentifier,

        /// <summary>Any string literal ('…', E'…', $$…$$); the value is its content.</summary>
        String,
        Number,
        Operator,

        /// <summary>( ) [ ] , ; . and :</summary>
        Punctuation,

        /// <summary>A parameter placeholder or a character PostgreSQL would reject.</summary>
        Other,
    }

    /// <summary>One token of a statement, as the server's scanner sees it.</summary>
    public sealed class SqlWord
    {
        internal SqlWord(SqlWordKind kind, string value, string text, int offset)
        {
            Kind = kind;
            Value = value;
            Text = text;
            Offset = offset;
        }

        public SqlWordKind Kind { get; }

        /// <summary>Folded identifier, unescaped string content, or the text as written.</summary>
        public string Value { get; }

        /// <summary>The token exactly as written.</summary>
        public string Text { get; }

        /// <summary>Where the token starts in the script.</summary>
        public int Offset { get; }

        /// <summary>True for the unquoted keyword or identifier <paramref name="word"/> (given in lower case).</summary>
        public bool Is(string word) => Kind == SqlWordKind.Word && string.Equals(Value, word, StringComparison.Ordinal);

        public override string ToString() => Text;
    }
}
