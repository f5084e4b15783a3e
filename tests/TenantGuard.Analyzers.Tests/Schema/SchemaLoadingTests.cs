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

    [Fact]
    public async Task An_edited_migration_is_seen_by_the_same_compilation()
    {
        // An IDE keeps the Compilation when only an AdditionalFile changes: what was learned must follow the files.
        var compilation = CSharpCompilation.Create("Edited",
            [CSharpSyntaxTree.ParseText(Code.Dapper("    public int Purge() => connection.Execute(\"DELETE FROM invoices\");"), path: "/0/Repo.cs")],
            TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new InMemoryConfigOptionsProvider(new Dictionary<string, string>(), _ => new Dictionary<string, string>());

        var shared = await AnalyzerRun.RunAsync(compilation,
            [new InMemoryAdditionalText("/0/db/001.sql", "CREATE TABLE invoices (id uuid PRIMARY KEY);")], options);
        var owned = await AnalyzerRun.RunAsync(compilation,
            [new InMemoryAdditionalText("/0/db/001.sql", "CREATE TABLE invoices (id uuid PRIMARY KEY, tenant_id uuid NOT NULL);")], options);

        Assert.DoesNotContain(shared.Diagnostics, d => d.Id == "TG0002");
        Assert.Single(owned.Diagnostics, d => d.Id == "TG0002");
    }
}
