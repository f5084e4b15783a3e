using Npgsql;
using TenantGuard.Harness.Tests.Infrastructure;
using TenantGuard.Sql;

namespace TenantGuard.Harness.Tests.Audit;

/// <summary>The one identifier and literal quoter, checked word for word against the server's quote_ident and quote_literal.</summary>
[Collection("postgres")]
public sealed class SqlQuotingServerTests(PostgresServerFixture fixture)
{
    // Keywords that versions after 15 made reserved or col_name: an older server's quote_ident leaves them bare, and
    // quoting them anyway is harmless.
    private static readonly HashSet<string> NewerKeywords =
    [
        "system_user", "json", "json_array", "json_arrayagg", "json_object", "json_objectagg", "json_exists", "json_query",
        "json_scalar", "json_serialize", "json_table", "json_value", "merge_action",
    ];

    [Fact]
    public async Task Every_keyword_is_quoted_as_the_servers_quote_ident_quotes_it()
    {
        var words = await QueryAsync("SELECT word, quote_ident(word) FROM pg_get_keywords()");

        Assert.True(words.Count > 400, $"only {words.Count} keywords");
        var differences = words
            .Where(w => SqlQuoting.QuoteIdentifier(w.Input) != w.Quoted)
            .Where(w => !(NewerKeywords.Contains(w.Input) && w.Quoted == w.Input))
            .Select(w => $"{w.Input}: server {w.Quoted}, ours {SqlQuoting.QuoteIdentifier(w.Input)}")
            .ToList();
        Assert.Empty(differences);
    }

    [Fact]
    public async Task Other_names_and_literals_match_the_server()
    {
        string[] samples = ["tenant_id", "Tenant", "_x", "1abc", "a b", "a\"b", "a$b", "é", "", "a'b", "back\\slash", "x-y", "UPPER", "t1"];
        var values = string.Join(", ", samples.Select((s, i) => $"({i}, {SqlQuoting.QuoteLiteral(s)})"));

        var identifiers = await QueryAsync($"SELECT v, quote_ident(v) FROM (VALUES {values}) AS s(i, v) ORDER BY i");
        var literals = await QueryAsync($"SELECT v, quote_literal(v) FROM (VALUES {values}) AS s(i, v) ORDER BY i");

        Assert.Equal(samples, identifiers.Select(i => i.Input));
        Assert.All(identifiers, i => Assert.Equal(i.Quoted, SqlQuoting.QuoteIdentifier(i.Input)));
        Assert.All(literals, l => Assert.Equal(l.Quoted, SqlQuoting.QuoteLiteral(l.Input)));
    }

    private async Task<List<(string Input, string Quoted)>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Server.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, string)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }
}
