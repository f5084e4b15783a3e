namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>
    /// A method of the application that hands one of its parameters, unchanged, to a call that sends SQL: its callers'
    /// SQL is checked at their call sites.
    /// </summary>
    internal sealed class SqlWrapper
    {
        public static readonly SqlWrapper None = new SqlWrapper(-1, SinkKind.Configured, int.MaxValue);

        public SqlWrapper(int parameterOrdinal, SinkKind kind, int level)
        {
            ParameterOrdinal = parameterOrdinal;
            Kind = kind;
            Level = level;
        }

        /// <summary>The position of the parameter that carries the SQL (the same in every implementation of an interface method).</summary>
        public int ParameterOrdinal { get; }

        /// <summary>The library call the SQL ends up in.</summary>
        public SinkKind Kind { get; }

        /// <summary>How many of the application's methods lie between this one and the library call (0: it calls the library).</summary>
        public int Level { get; }

        public bool IsWrapper => Level != int.MaxValue;
    }
}
