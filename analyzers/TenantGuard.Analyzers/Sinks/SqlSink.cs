using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>One place where SQL text is handed to a database API: the call and the operation giving the SQL.</summary>
    internal sealed class SqlSink
    {
        public SqlSink(SinkKind kind, IOperation call, IOperation sqlValue, IMethodSymbol? wrapper = null)
        {
            Kind = kind;
            Call = call;
            SqlValue = sqlValue;
            Wrapper = wrapper;
        }

        /// <summary>The library call the SQL ends up in (through a wrapper: the one the wrapper makes).</summary>
        public SinkKind Kind { get; }

        /// <summary>The application's own method called here that passes the SQL on to a library; null for a direct call.</summary>
        public IMethodSymbol? Wrapper { get; }

        /// <summary>The invocation, object creation or assignment that sends the SQL.</summary>
        public IOperation Call { get; }

        /// <summary>The operation whose value is the SQL text.</summary>
        public IOperation SqlValue { get; }
    }
}
