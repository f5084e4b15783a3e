using System.Collections.Generic;

namespace TenantGuard.Sql
{
    /// <summary>A CREATE FUNCTION text (as <c>pg_get_functiondef</c> prints it) read by <see cref="SqlFunctionDefinitionReader"/>.</summary>
    public sealed class SqlFunctionDefinition
    {
        internal SqlFunctionDefinition(string? schema, string name, IReadOnlyList<SqlFunctionParameter> parameters, string language, SqlFunctionBody body)
        {
            Schema = schema;
            Name = name;
            Parameters = parameters;
            Language = language;
            Body = body;
        }

        public string? Schema { get; }

        public string Name { get; }

        /// <summary>Every parameter in declaration order, OUT parameters included.</summary>
        public IReadOnlyList<SqlFunctionParameter> Parameters { get; }

        /// <summary>Lower-case language name ("sql", "plpgsql", "c").</summary>
        public string Language { get; }

        /// <summary>What the body returns (possibly unreadable).</summary>
        public SqlFunctionBody Body { get; }

        /// <summary>The input parameters in $n order.</summary>
        public IReadOnlyList<SqlFunctionParameter> InputParameters
        {
            get
            {
                var inputs = new List<SqlFunctionParameter>();
                foreach (var parameter in Parameters)
                {
                    if (parameter.IsInput)
                    {
                        inputs.Add(parameter);
                    }
                }

                return inputs;
            }
        }
    }
}
