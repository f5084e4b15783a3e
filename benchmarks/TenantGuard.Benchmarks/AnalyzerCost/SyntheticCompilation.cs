using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TenantGuard.Benchmarks.AnalyzerCost;

/// <summary>
/// The synthetic project as the compiler sees it in a build. Each build is fresh (parse, bind, analyze, emit): a
/// compilation caches its binding, so reusing one would measure a warm cache.
/// </summary>
public sealed class SyntheticCompilation
{
    private static readonly string[] ReferencePrefixes =
    [
        "System.", "Microsoft.EntityFrameworkCore", "Microsoft.Extensions.", "Npgsql", "Dapper",
    ];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private readonly IReadOnlyList<SourceFile> _sources;
    private readonly ImmutableArray<MetadataReference> _references;

    public SyntheticCompilation(SyntheticProject project)
    {
        _sources = project.Sources;
        _references = References();
        AnalyzerOptions = new AnalyzerOptions([.. project.Migrations.Select(m => (AdditionalText)new InMemoryAdditionalText(m.Path, m.Text))]);
    }

    public AnalyzerOptions AnalyzerOptions { get; }

    public CSharpCompilation Create() => CSharpCompilation.Create(
        "Shop.Synthetic",
        _sources.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)),
        _references,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public CompilationWithAnalyzers WithAnalyzers(ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime) =>
        Create().WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            AnalyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: logExecutionTime));

    /// <summary>One build: parse, compile with <paramref name="analyzers"/>, emit; returns every diagnostic.</summary>
    public async Task<ImmutableArray<Diagnostic>> BuildAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken ct)
    {
        var run = WithAnalyzers(analyzers, logExecutionTime: false);
        var diagnostics = await run.GetAllDiagnosticsAsync(ct);
        using var peStream = new MemoryStream();
        var emitted = run.Compilation.Emit(peStream, cancellationToken: ct);
        return emitted.Success ? diagnostics : diagnostics.AddRange(emitted.Diagnostics);
    }

    /// <summary>The framework plus Dapper, Npgsql and EF Core, taken from this program's own dependencies.</summary>
    private static ImmutableArray<MetadataReference> References()
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var references = trusted
            .Where(path =>
            {
                var name = Path.GetFileName(path);
                return name is "netstandard.dll" or "mscorlib.dll" ||
                       ReferencePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));
            })
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();

        foreach (var required in new[] { typeof(Dapper.SqlMapper), typeof(Npgsql.NpgsqlDataSource), typeof(Microsoft.EntityFrameworkCore.DbContext) })
        {
            if (!trusted.Contains(required.Assembly.Location))
            {
                references = references.Add(MetadataReference.CreateFromFile(required.Assembly.Location));
            }
        }

        return references;
    }
}
