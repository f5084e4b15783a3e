using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TenantGuard.Analyzers.Tenancy
{
    /// <summary>
    /// A value that only ends up in text for people: an interpolated or concatenated string, a logging call's
    /// argument, a member of an anonymous object or a value boxed into an object-typed bag (a log or audit payload). A placeholder there (<c>tenantId ?? "none"</c>
    /// in a log line) names no tenant any query or key will use.
    /// </summary>
    internal static class DisplayOnlyUse
    {
        public static bool Is(IOperation operation)
        {
            var current = operation;
            var parent = operation.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                // Into an object-typed bag (an audit payload's Dictionary<string, object?>, a params object[]): a
                // value to show, not a tenant a query or key uses.
                if (parent is IConversionOperation { Type: { SpecialType: SpecialType.System_Object } })
                {
                    return true;
                }

                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IInterpolationOperation _:
                    return true;
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add &&
                                                  binary.Type?.SpecialType == SpecialType.System_String:
                    return true;
                case IAnonymousObjectCreationOperation _:
                case ISimpleAssignmentOperation { Parent: IAnonymousObjectCreationOperation }:
                    return true;
                case IArrayElementReferenceOperation _:
                    return false;
                case IArgumentOperation argument:
                    return IsForPeople(argument.Parent as IInvocationOperation);
                case IArrayInitializerOperation { Parent: IArrayCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation call } } }:
                    return IsForPeople(call); // params object[] of a logging call
            }

            return false;
        }

        /// <summary>Logging (ILogger's Log*, Serilog-style Information/Warning…), console and text writers, string formatting.</summary>
        private static bool IsForPeople(IInvocationOperation? call)
        {
            if (call == null)
            {
                return false;
            }

            var method = call.TargetMethod;
            var type = method.ContainingType?.Name ?? string.Empty;
            return method.Name.StartsWith("Log", StringComparison.Ordinal) ||
                   type.EndsWith("Logger", StringComparison.Ordinal) ||
                   type == "LoggerExtensions" ||
                   type == "Console" ||
                   type == "TextWriter" ||
                   (type == "String" && (method.Name == "Format" || method.Name == "Concat"));
        }
    }
}
