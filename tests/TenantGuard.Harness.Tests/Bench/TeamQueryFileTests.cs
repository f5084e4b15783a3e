using TenantGuard.Harness.Bench.Queries;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Bench;

public sealed class TeamQueryFileTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("tenantguard-queries-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string Write(string text)
    {
        var path = Path.Combine(_folder.FullName, "queries.sql");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Each_named_query_is_read_with_its_placeholders_bound_to_the_tenant_type()
    {
        var path = Write("""
            -- Queries the dashboard runs.
            -- name: open-tasks
            SELECT id FROM tasks WHERE tenant_id = :tenant AND title <> ':tenant' -- :tenant in a comment
            ORDER BY id LIMIT 20;

            -- name: client_count
            SELECT count(*) FROM clients c WHERE c.tenant_id = :tenant AND c.created_at > now() - interval '1 day'
            """);

        var queries = TeamQueryFile.Read(path);

        Assert.Equal(["open-tasks", "client_count"], queries.Select(q => q.Name));
        Assert.Equal($"{path}:2", queries[0].Source);
        Assert.Equal(
            "SELECT id FROM tasks WHERE tenant_id = ($1::uuid) AND title <> ':tenant' -- :tenant in a comment\nORDER BY id LIMIT 20",
            queries[0].Bind("uuid"));
        Assert.Single(queries[1].TenantOffsets);
    }

    [Theory]
    [InlineData("SELECT 1;\n-- name: a\nSELECT :tenant", 1, "before the first '-- name:")]
    [InlineData("-- name: a\nSELECT count(*) FROM tasks", 1, "never uses :tenant")]
    [InlineData("-- name: a\nSELECT :tenant;\nSELECT 2", 3, "second statement")]
    [InlineData("-- name: a\nSELECT :tenant,\n  $1", 3, "uses $1")]
    [InlineData("-- name: a\nSELECT :tenant\n-- name: a\nSELECT :tenant", 3, "a second query named 'a'")]
    [InlineData("-- name: two words\nSELECT :tenant", 1, "not a query name")]
    [InlineData("-- name: a\n", 1, "has no SQL")]
    [InlineData("", 1, "no query found")]
    public void A_bad_file_is_one_error_naming_the_file_and_line(string text, int line, string expected)
    {
        var path = Write(text);

        var error = Assert.Throws<HarnessException>(() => TeamQueryFile.Read(path));

        Assert.StartsWith($"{path}:{line}: ", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
