using Microsoft.CodeAnalysis;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>One place where SQL text is handed to a database API: the call and the operation giving the SQL.</summary>
    internal sealed class SqlSink
    {
        public SqlSink(SinkKind kind, IOperation call, IOperation sqlValue)
        {
            Kind = kind;
            Call = call;
            SqlValue = sqlValue;
        }

        public SinkKind Kind { get; }

        /// <summary>The invocation, object creation or assignment that sends the SQL.</summary>
        public IOperation Call { get; }

        /// <summary>The operation whose value is the SQL text.</summary>
        public IOperation SqlValue { get; }
    }
}
