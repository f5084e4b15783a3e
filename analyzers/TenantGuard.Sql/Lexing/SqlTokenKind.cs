namespace TenantGuard.Sql.Lexing
{
    internal enum SqlTokenKind
    {
        EndOfInput,

        /// <summary>Unquoted identifier or keyword; the value is folded to lower case.</summary>
        Identifier,

        /// <summary>"Quoted" or U&amp;"quoted" identifier; the value is kept verbatim with "" unescaped.</summary>
        QuotedIdentifier,
        Number,

        /// <summary>'…' with '' escapes.</summary>
        String,

        /// <summary>E'…' with backslash escapes.</summary>
        EscapeString,

        /// <summary>B'…' bit string.</summary>
        BitString,

        /// <summary>X'…' hexadecimal bit string.</summary>
        HexString,

        /// <summary>N'…' national character string.</summary>
        NationalString,

        /// <summary>U&amp;'…' string with Unicode escapes (kept as written).</summary>
        UnicodeString,

        /// <summary>$$…$$ or $tag$…$tag$.</summary>
        DollarString,

        /// <summary>$1, $2…</summary>
        PositionalParameter,

        /// <summary>@name or :name.</summary>
        NamedParameter,

        /// <summary>{0}, {1}… of an interpolated string.</summary>
        InterpolationHole,
        Operator,
        LeftParen,
        RightParen,
        LeftBracket,
        RightBracket,
        Comma,
        Semicolon,
        Dot,

        /// <summary>A lone ':' such as an array slice bound separator.</summary>
        Colon,

        /// <summary>A character PostgreSQL would reject outside a string (kept so the parser can report it).</summary>
        Unknown,

        /// <summary>A psql meta-command: a backslash starting a line, to the end of the line (\i file, \echo …).</summary>
        MetaCommand,
    }
}
