using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TenantGuard.Analyzers.Schema;
using TenantGuard.Analyzers.Tenancy;

namespace TenantGuard.Analyzers.Rules
{
    /// <summary>
    /// TG0003: a literal tenant — a default or fallback tenant constant, a GUID or string passed as the tenant, a
    /// `?? "literal"` fallback for a tenant value. Header names, claim types and configuration keys are not tenants.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class TG0003HardCodedDefaultTenant : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptors.TG0003);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var compilation = TenantGuardCompilation.Get(start.Compilation, start.Options, start.CancellationToken);
                start.RegisterOperationAction(
                    operation => Analyze(operation, compilation),
                    OperationKind.FieldInitializer, OperationKind.PropertyInitializer, OperationKind.ParameterInitializer,
                    OperationKind.VariableDeclarator, OperationKind.SimpleAssignment, OperationKind.Argument,
                    OperationKind.Coalesce, OperationKind.Conditional);

                // Every invocation is a candidate: only header writes are read, decided by name before anything else.
                start.RegisterOperationAction(
                    operation =>
                    {
                        if (TenantHeaders.IsHeaderValueCall((IInvocationOperation)operation.Operation))
                        {
                            Analyze(operation, compilation);
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        private static void Analyze(OperationAnalysisContext context, TenantGuardCompilation compilation)
        {
            var options = compilation.GetOptions(context.Operation.Syntax.SyntaxTree);
            if (compilation.IsExemptTestCode(options))
            {
                return;
            }

            switch (context.Operation)
            {
                case IFieldInitializerOperation field:
                    foreach (var symbol in field.InitializedFields)
                    {
                        if (TenantNames.IsNameCatalog(symbol.ContainingType))
                        {
                            continue;
                        }

                        CheckValue(context, "Field '{0}'", symbol.Name, field.Value, options, allowNumbers: true);
                    }

                    break;
                case IPropertyInitializerOperation property:
                    foreach (var symbol in property.InitializedProperties)
                    {
                        if (TenantNames.IsNameCatalog(symbol.ContainingType))
                        {
                            continue;
                        }

                        CheckValue(context, "Property '{0}'", symbol.Name, property.Value, options, allowNumbers: true);
                    }

                    break;
                case IParameterInitializerOperation parameter:
                    CheckValue(context, "The default of parameter '{0}'", parameter.Parameter.Name, parameter.Value, options, allowNumbers: false);
                    break;
                case IVariableDeclaratorOperation declarator when declarator.Initializer != null:
                    CheckValue(context, "Local '{0}'", declarator.Symbol.Name, declarator.Initializer.Value, options, allowNumbers: false);
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { IsIndexer: true } } indexer } assignment:
                    // headers["X-Tenant-ID"] = "acme"
                    if (TenantHeaders.IsHeaderCollection(indexer.Instance?.Type) && indexer.Arguments.Length == 1)
                    {
                        CheckHeaderValue(context, indexer.Arguments[0].Value, assignment.Value, options);
                    }

                    break;
                case IInvocationOperation invocation:
                    // headers.Add("X-Tenant-ID", "acme"), TryAddWithoutValidation, Append, GetValueOrDefault(..., "acme")
                    var keyIndex = invocation.Instance == null ? 1 : 0;
                    for (var i = keyIndex + 1; i < invocation.Arguments.Length; i++)
                    {
                        CheckHeaderValue(context, invocation.Arguments[keyIndex].Value, invocation.Arguments[i].Value, options);
                    }

                    break;
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional when conditional.Type != null && !DisplayOnlyUse.Is(conditional):
                    // string.IsNullOrEmpty(tenantId) ? "default" : tenantId
                    CheckConditionalFallback(context, conditional.WhenTrue, whenFalse, options);
                    CheckConditionalFallback(context, whenFalse, conditional.WhenTrue, options);
                    break;
                case ISimpleAssignmentOperation assignment when NameOf(assignment.Target) is string target:
                    CheckValue(context, "The assignment to '{0}'", target, assignment.Value, options, allowNumbers: false);
                    break;
                case IArgumentOperation argument when argument.Parameter != null && IsTenantParameter(argument.Parameter, options):
                    CheckValue(context, "The argument for '{0}'", argument.Parameter.Name, argument.Value, options, allowNumbers: false);
                    break;
                case ICoalesceOperation coalesce when IsTenantValue(coalesce.Value, context.ContainingSymbol, options) && !DisplayOnlyUse.Is(coalesce):
                    if (LiteralTenant(coalesce.WhenNull, options, allowNumbers: false) is string fallback)
                    {
                        context.ReportDiagnostic(Diagnostic.Create(
                            Descriptors.TG0003, coalesce.WhenNull.Syntax.GetLocation(), "The '?? " + fallback + "' fallback", fallback));
                    }

                    break;
            }
        }

        /// <param name="what">How the message names the holder, {0} standing for <paramref name="name"/>; filled in only
        /// when reporting, since most values checked are not tenants.</param>
        private static void CheckValue(OperationAnalysisContext context, string what, string name, IOperation value, TenantGuardOptions options, bool allowNumbers)
        {
            if (!TenantNames.IsTenantValueName(name, options))
            {
                return;
            }

            var literal = LiteralTenant(value, options, allowNumbers && TenantNames.IsTenantIdName(name, options));
            if (literal != null && !TenantNames.IsOwnName(literal, name))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.TG0003, value.Syntax.GetLocation(), what.Replace("{0}", name), literal));
            }
        }

        private static void CheckHeaderValue(OperationAnalysisContext context, IOperation key, IOperation value, TenantGuardOptions options)
        {
            if (TenantHeaders.TenantHeaderName(key, options) is string header &&
                LiteralTenant(value, options, allowNumbers: false) is string literal)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TG0003, value.Syntax.GetLocation(), "The value of header '" + header + "'", literal));
            }
        }

        /// <summary>One branch a literal tenant, the other the tenant value it stands in for.</summary>
        private static void CheckConditionalFallback(OperationAnalysisContext context, IOperation fallback, IOperation tenant, TenantGuardOptions options)
        {
            // Two constants ("tenant_id, id" : "id", a message : "ok") choose text; a fallback stands in for a value read at run time.
            if (!tenant.ConstantValue.HasValue &&
                LiteralTenant(fallback, options, allowNumbers: false) is string literal &&
                IsTenantValue(tenant, context.ContainingSymbol, options))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.TG0003, fallback.Syntax.GetLocation(), "The '? " + literal + "' fallback", literal));
            }
        }

        private static bool IsTenantParameter(IParameterSymbol parameter, TenantGuardOptions options) =>
            options.IsTenantParameterName(parameter.Name) ||
            TenantScope.IsTenantIdType(parameter.Type) ||
            TenantNames.IsTenantValueName(parameter.Name, options);

        /// <summary>The literal tenant <paramref name="value"/> is made of, as source text; null when it is not one.</summary>
        private static string? LiteralTenant(IOperation? value, TenantGuardOptions options, bool allowNumbers)
        {
            value = Unwrap(value);
            switch (value)
            {
                case ILiteralOperation literal when literal.ConstantValue.HasValue:
                    switch (literal.ConstantValue.Value)
                    {
                        case string text when TenantNames.IsTenantValueLiteral(text, options):
                            return literal.Syntax.ToString();
                        case int _:
                        case long _:
                            return allowNumbers ? literal.Syntax.ToString() : null;
                        default:
                            return null;
                    }

                case IObjectCreationOperation creation when IsGuidOrTenantId(creation.Type) && creation.Arguments.Length == 1:
                    return LiteralTenant(creation.Arguments[0].Value, options, allowNumbers: true) != null ? creation.Syntax.ToString() : null;
                case IInvocationOperation invocation when IsGuidOrTenantId(invocation.TargetMethod.ContainingType) &&
                                                          invocation.TargetMethod.Name.StartsWith("Parse", System.StringComparison.Ordinal) &&
                                                          invocation.Arguments.Length >= 1:
                    return LiteralTenant(invocation.Arguments[0].Value, options, allowNumbers: false) != null ? invocation.Syntax.ToString() : null;
                default:
                    return null;
            }
        }

        private static bool IsGuidOrTenantId(ITypeSymbol? type) =>
            type != null && (type.Name == "Guid" && type.ContainingNamespace?.Name == "System" || TenantScope.IsTenantIdType(type));

        /// <summary>
        /// Whether the left side of `??` is a tenant value: it reads a tenant-named symbol or a tenant header or claim, or
        /// the result goes to a tenant-named local, member, argument or is returned by a tenant-named member.
        /// </summary>
        private static bool IsTenantValue(IOperation value, ISymbol containingSymbol, TenantGuardOptions options)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (NameOf(operation) is string name && TenantNames.IsTenantValueName(name, options) && !IsReadOfOtherMember(operation))
                {
                    return true;
                }

                if (operation is ILiteralOperation literal && literal.ConstantValue.Value is string text && TenantNames.MentionsTenant(text, options))
                {
                    return true;
                }
            }

            var parent = value.Parent;
            while (parent is IConversionOperation || parent is ICoalesceOperation || parent is IConditionalOperation || parent is IParenthesizedOperation)
            {
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation _ when parent.Parent is IVariableDeclaratorOperation declarator:
                    return TenantNames.IsTenantValueName(declarator.Symbol.Name, options);
                case ISimpleAssignmentOperation assignment:
                    return NameOf(assignment.Target) is string target && TenantNames.IsTenantValueName(target, options);
                case IArgumentOperation argument:
                    return argument.Parameter != null && IsTenantParameter(argument.Parameter, options);
                case IReturnOperation _:
                    // string GetTeamId(...) => header ?? "default"; also property getters (get_TenantId).
                    var member = containingSymbol is IMethodSymbol { AssociatedSymbol: { } property } ? property : containingSymbol;
                    return TenantNames.IsTenantValueName(member.Name, options);
                default:
                    return false;
            }
        }

        // The members of a tenant object that are its identity (tenant.Id, tenantId.Value).
        private static readonly string[] s_identityMembers = { "Id", "Identifier", "Value", "Key", "Slug", "Code" };

        /// <summary>tenant.Name, tenant.Subdomain: another member of a tenant object is not the tenant value.</summary>
        private static bool IsReadOfOtherMember(IOperation operation) =>
            operation.Parent is IMemberReferenceOperation member &&
            !(member is IMethodReferenceOperation) &&
            member.Instance == operation &&
            System.Array.IndexOf(s_identityMembers, member.Member.Name) < 0;

        private static string? NameOf(IOperation? operation)
        {
            switch (operation)
            {
                case IFieldReferenceOperation field:
                    return field.Field.Name;
                case IPropertyReferenceOperation property:
                    return property.Property.Name;
                case ILocalReferenceOperation local:
                    return local.Local.Name;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.Name;
                case IInvocationOperation invocation:
                    return invocation.TargetMethod.Name;
                default:
                    return null;
            }
        }

        private static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
