using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TenantGuard.Analyzers.Tests.Infrastructure;

namespace TenantGuard.Analyzers.Tests.Schema;

/// <summary>The schema is read once per compilation, whatever the number of rules and call sites.</summary>
public sealed class SchemaLoadingTests
{
    private sealed class CountingText(string path, string text) : AdditionalText
    {
        private int _reads;

        public int Reads => _reads;

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            return SourceText.From(text);
        }
    }

    [Fact]
    public async Task Migrations_are_read_once_for_all_rules_and_call_sites()
    {
        var methods = string.Join("\n", Enumerable.Range(0, 50).Select(i =>
            $"    public int M{i}() => connection.Execute(\"DELETE FROM orders WHERE id = {i}\");"));
        var source = Code.Dapper(methods);
        var compilation = CSharpCompilation.Create("Once",
            [CSharpSyntaxTree.ParseText(source, path: "/0/Repo.cs"), CSharpSyntaxTree.ParseText(source.Replace("OrderRepository", "OtherRepository"), path: "/0/Other.cs")],
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var migration = new CountingText("/0/db/001.sql", Migrations.Default);
        var notSql = new CountingText("/0/notes.txt", "not a migration");

        var result = await AnalyzerRun.RunAsync(compilation, [migration, notSql],
            new InMemoryConfigOptionsProvider(new Dictionary<string, string>(), _ => new Dictionary<string, string>()));

        Assert.Empty(result.AnalyzerExceptions);
        Assert.Equal(100, result.Diagnostics.Count(d => d.Id == "TG0002"));
        Assert.Equal(100, result.Diagnostics.Count(d => d.Id == "TG0001"));
        Assert.Equal(1, migration.Reads);
        Assert.Equal(0, notSql.Reads);
    }
}
