using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TenantGuard.Analyzers.Schema;

namespace TenantGuard.Analyzers.Sinks
{
    /// <summary>
    /// Finds calls to the application's own SQL wrappers: methods whose string parameter reaches a library call that
    /// sends SQL, directly or through at most <see cref="MaxLevel"/> more wrappers, and interface or abstract methods
    /// whose implementations in the compilation do so; plus the methods named in tenantguard.sql_sinks. A method is
    /// read the first time a call to it is seen, and the answer is kept for the compilation.
    /// </summary>
    internal sealed class SqlWrapperFinder
    {
        /// <summary>A wrapper may call a wrapper that calls a wrapper that calls the library; no deeper.</summary>
        public const int MaxLevel = 2;

        private readonly Compilation _compilation;
        private readonly SinkSymbols _symbols;
        private readonly ConcurrentDictionary<IMethodSymbol, SqlWrapper> _wrappers =
            new ConcurrentDictionary<IMethodSymbol, SqlWrapper>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new ConcurrentDictionary<SyntaxTree, SemanticModel>();
        private readonly object _indexGate = new object();
        private ImplementationIndex? _implementations;

        public SqlWrapperFinder(Compilation compilation, SinkSymbols symbols)
        {
            _compilation = compilation;
            _symbols = symbols;
        }

        /// <summary>The SQL handed to a wrapper or a configured sink by <paramref name="operation"/>, or null.</summary>
        public SqlSink? Find(IOperation operation, TenantGuardOptions options, CancellationToken cancellationToken)
        {
            if (!(operation is IInvocationOperation invocation))
            {
                return null;
            }

            var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
            foreach (var configured in options.SqlSinks)
            {
                if (configured.Matches(method))
                {
                    var parameter = configured.SqlParameter(method);
                    return parameter == null ? null : SinkAt(invocation, parameter.Name, SinkKind.Configured, method);
                }
            }

            if (!MayWrap(method, _compilation))
            {
                return null;
            }

            var wrapper = WrapperOf(method, MaxLevel, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), out _, cancellationToken);
            return wrapper.IsWrapper ? SinkAt(invocation, method.Parameters[wrapper.ParameterOrdinal].Name, wrapper.Kind, method) : null;
        }

        public static bool IsTextType(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String ||
            (type.Name == "FormattableString" && type.ContainingNamespace?.Name == "System");

        /// <summary>
        /// Declared in this compilation and taking text: anything else is not read at all. A referenced project is
        /// source to an IDE but metadata to the build; its bodies are read by neither, so both report the same.
        /// </summary>
        private static bool MayWrap(IMethodSymbol method, Compilation compilation)
        {
            var takesText = false;
            foreach (var parameter in method.Parameters)
            {
                takesText |= IsTextType(parameter.Type);
            }

            return takesText && SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, compilation.Assembly);
        }

        private static SqlSink? SinkAt(IInvocationOperation invocation, string parameterName, SinkKind kind, IMethodSymbol wrapper)
        {
            var argument = ArgumentFor(invocation, parameterName);
            return argument == null ? null : new SqlSink(kind, invocation, argument, wrapper);
        }

        private static IOperation? ArgumentFor(IInvocationOperation invocation, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName && argument.ArgumentKind == ArgumentKind.Explicit)
                {
                    return argument.Value;
                }
            }

            return null;
        }

        /// <summary>
        /// What <paramref name="method"/> does with its text parameters. An answer cut short (by the level budget or a
        /// recursive call) is not complete and not kept: the same method asked directly may still be a wrapper.
        /// </summary>
        private SqlWrapper WrapperOf(IMethodSymbol method, int budget, HashSet<IMethodSymbol> visiting, out bool complete, CancellationToken cancellationToken)
        {
            method = method.OriginalDefinition;
            complete = true;
            if (_wrappers.TryGetValue(method, out var known))
            {
                return known;
            }

            if (budget < 0 || !visiting.Add(method))
            {
                complete = false;
                return SqlWrapper.None;
            }

            var best = SqlWrapper.None;
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                best = Better(best, ReadBody(method, reference.GetSyntax(cancellationToken), budget, visiting, ref complete, cancellationToken));
            }

            if (method.IsAbstract || method.IsVirtual || method.ContainingType?.TypeKind == TypeKind.Interface)
            {
                foreach (var implementation in Implementations(cancellationToken).ImplementationsOf(method))
                {
                    // Dispatch to an implementation is not a level of its own: the interface is the same call.
                    best = Better(best, WrapperOf(implementation, budget, visiting, out var implementationComplete, cancellationToken));
                    complete &= implementationComplete;
                }
            }

            visiting.Remove(method);
            if (complete)
            {
                _wrappers.TryAdd(method, best);
            }

            return best;
        }

        private SqlWrapper ReadBody(IMethodSymbol method, SyntaxNode declaration, int budget, HashSet<IMethodSymbol> visiting, ref bool complete, CancellationToken cancellationToken)
        {
            var model = _models.GetOrAdd(declaration.SyntaxTree, tree => _compilation.GetSemanticModel(tree));
            var body = model.GetOperation(declaration, cancellationToken);
            if (body == null)
            {
                return SqlWrapper.None;
            }

            var best = SqlWrapper.None;
            foreach (var operation in body.Descendants())
            {
                var sink = SqlSinkFinder.Find(operation, _symbols);
                if (sink != null)
                {
                    var ordinal = ParameterOrdinal(sink.SqlValue, method);
                    if (ordinal >= 0)
                    {
                        best = Better(best, new SqlWrapper(ordinal, sink.Kind, 0));
                    }

                    continue;
                }

                if (operation is IInvocationOperation call)
                {
                    var callee = call.TargetMethod.ReducedFrom ?? call.TargetMethod;
                    if (!MayWrap(callee, _compilation))
                    {
                        continue;
                    }

                    var inner = WrapperOf(callee, budget - 1, visiting, out var innerComplete, cancellationToken);
                    complete &= innerComplete;
                    // Levels are absolute: a wrapper known from another call may already be as deep as allowed.
                    var argument = inner.IsWrapper && inner.Level < MaxLevel ? ArgumentFor(call, callee.Parameters[inner.ParameterOrdinal].Name) : null;
                    var ordinal = argument == null ? -1 : ParameterOrdinal(argument, method);
                    if (ordinal >= 0)
                    {
                        best = Better(best, new SqlWrapper(ordinal, inner.Kind, inner.Level + 1));
                    }
                }
            }

            return best;
        }

        /// <summary>The position of the text parameter of <paramref name="method"/> that <paramref name="value"/> is, unchanged; else -1.</summary>
        private static int ParameterOrdinal(IOperation value, IMethodSymbol method)
        {
            while (value is IConversionOperation || value is IParenthesizedOperation)
            {
                value = value is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)value).Operand;
            }

            return value is IParameterReferenceOperation reference &&
                   IsTextType(reference.Parameter.Type) &&
                   SymbolEqualityComparer.Default.Equals(reference.Parameter.ContainingSymbol?.OriginalDefinition, method)
                ? reference.Parameter.Ordinal
                : -1;
        }

        private static SqlWrapper Better(SqlWrapper current, SqlWrapper candidate) =>
            candidate.Level < current.Level ? candidate : current;

        /// <summary>Built on the first call to an interface or abstract method, under a lock so that it is built once.</summary>
        private ImplementationIndex Implementations(CancellationToken cancellationToken)
        {
            var index = _implementations;
            if (index != null)
            {
                return index;
            }

            lock (_indexGate)
            {
                return _implementations ??= ImplementationIndex.Build(_compilation, cancellationToken);
            }
        }
    }
}
