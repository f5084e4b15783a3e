namespace TenantGuard.Sql
{
    /// <summary>One parameter of a function definition, as <c>pg_get_functiondef</c> prints it.</summary>
    public sealed class SqlFunctionParameter
    {
        internal SqlFunctionParameter(string? name, string mode)
        {
            Name = name;
            Mode = mode;
        }

        /// <summary>The name, folded as the server folds it; null for an unnamed parameter.</summary>
        public string? Name { get; }

        /// <summary>"in", "out", "inout" or "variadic".</summary>
        public string Mode { get; }

        /// <summary>True when callers pass it (everything but OUT): it has a $n position.</summary>
        public bool IsInput => Mode != "out";
    }
}
