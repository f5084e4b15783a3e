using Npgsql;
using TenantGuard.Harness.Server;
using TenantGuard.Sql;

namespace TenantGuard.Analyzers.Tests.CodeFixes;

/// <summary>
/// The SQL the TG0004 fix writes runs on a real PostgreSQL server for every usual tenant value type. set_config takes
/// text only, and a Guid or int parameter has no implicit cast to text (42883 without one).
/// </summary>
public sealed class TG0004FixRunsOnPostgresTests : IAsyncLifetime
{
    private PostgresServer? _server;

    public static TheoryData<string> SessionScopedStatements => new()
    {
        "SELECT set_config('app.current_tenant', @tenantId, false)",
        "SET app.current_tenant = @tenantId",
        "SET LOCAL app.current_tenant = @tenantId",
    };

    [Theory]
    [MemberData(nameof(SessionScopedStatements))]
    public async Task Fixed_statement_runs_for_guid_int_and_string_tenants(string statement)
    {
        var fixedSql = FixedSql(statement);
        Assert.Equal("SELECT set_config('app.current_tenant', @tenantId::text, true)", fixedSql);

        var guid = Guid.Parse("aaaaaaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa");
        Assert.Equal(guid.ToString(), await SetAndReadAsync(fixedSql, guid));
        Assert.Equal("42", await SetAndReadAsync(fixedSql, 42));
        Assert.Equal("acme", await SetAndReadAsync(fixedSql, "acme"));
    }

    [Fact]
    public async Task Without_the_cast_a_guid_parameter_is_refused()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            SetAndReadAsync("SELECT set_config('app.current_tenant', @tenantId, true)", Guid.NewGuid()));
        Assert.Equal("42883", error.SqlState);
    }

    /// <summary>The statement the fix puts in place of the session-scoped one.</summary>
    private static string FixedSql(string statement)
    {
        var schema = new TenantSchema("tenant_id", [], [], assumeAllTablesTenantOwned: true);
        var setting = Assert.Single(TenantSqlChecker.Check(statement, schema).SessionScopedSettings);
        return Assert.IsType<string>(setting.SuggestedSql);
    }

    /// <summary>Runs the setting in a transaction and reads it back in the same transaction, as a request would.</summary>
    private async Task<string?> SetAndReadAsync(string sql, object tenantId)
    {
        await using var connection = new NpgsqlConnection(_server!.ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var set = new NpgsqlCommand(sql, connection, transaction))
        {
            set.Parameters.AddWithValue("tenantId", tenantId);
            await set.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand("SELECT current_setting('app.current_tenant', true)", connection, transaction);
        return (string?)await read.ExecuteScalarAsync();
    }

    public async Task InitializeAsync() => _server = await new PostgresServerBuilder().StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
