namespace TenantGuard.Sql
{
    /// <summary>A role named in a migration, with the 1-based line of the statement that names it.</summary>
    public sealed class RoleMention
    {
        public RoleMention(string name, int line)
        {
            Name = name;
            Line = line;
        }

        /// <summary>The role's name as PostgreSQL stores it (unquoted names folded to lower case).</summary>
        public string Name { get; }

        public int Line { get; }

        public override string ToString() => Name + " (line " + Line + ")";
    }
}
