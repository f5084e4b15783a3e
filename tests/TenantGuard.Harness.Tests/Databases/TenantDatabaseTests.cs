using Npgsql;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Databases;

[Collection("postgres")]
public sealed class TenantDatabaseTests(PostgresServerFixture fixture)
{
    private const string Schema = """
        CREATE TABLE documents (id serial PRIMARY KEY, tenant_id uuid NOT NULL, title text NOT NULL);
        ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
        ALTER TABLE documents FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON documents
            USING (tenant_id = current_setting('app.current_tenant', true)::uuid)
            WITH CHECK (tenant_id = current_setting('app.current_tenant', true)::uuid);
        GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO app_user;
        GRANT USAGE ON SEQUENCE documents_id_seq TO app_user;
        """;

    [Fact]
    public async Task App_role_sees_only_its_tenant_rows_through_the_policy()
    {
        var (template, database) = await fixture.CreateDatabaseAsync(new Dictionary<string, string> { ["001_schema.sql"] = Schema });
        await using var _ = template;
        await using var __ = database;
        var tenantA = Guid.NewGuid();
        var tenantB = Guid.NewGuid();
        await using (var owner = await database.OwnerDataSource.OpenConnectionAsync())
        {
            // FORCE ROW LEVEL SECURITY applies to the owner too: it must set the tenant to insert.
            foreach (var tenant in new[] { tenantA, tenantB })
            {
                await using var tx = await owner.BeginTransactionAsync();
                await Execute(owner, $"SET LOCAL app.current_tenant = '{tenant}'");
                await Execute(owner, $"INSERT INTO documents (tenant_id, title) VALUES ('{tenant}', 'doc')");
                await tx.CommitAsync();
            }
        }

        await using var app = await database.AppDataSource.OpenConnectionAsync();
        await using var transaction = await app.BeginTransactionAsync();
        await Execute(app, $"SET LOCAL app.current_tenant = '{tenantA}'");
        await using var count = new NpgsqlCommand("SELECT count(*) FROM documents WHERE tenant_id <> $1", app);
        count.Parameters.AddWithValue(tenantA);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
        await using var total = new NpgsqlCommand("SELECT count(*) FROM documents", app);
        Assert.Equal(1L, await total.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Database_exposes_roles_column_and_detected_setting()
    {
        var (template, database) = await fixture.CreateDatabaseAsync(new Dictionary<string, string> { ["001_schema.sql"] = Schema });
        await using var _ = template;
        await using var __ = database;

        Assert.Equal("app_user", database.AppRole);
        Assert.Equal("tenantguard_owner", database.OwnerRole);
        Assert.Equal("tenant_id", database.TenantColumn);
        Assert.Equal("app.current_tenant", database.TenantSetting);
        Assert.False(database.IsTenantSettingAmbiguous);
        await using var app = await database.AppDataSource.OpenConnectionAsync();
        await using var who = new NpgsqlCommand(
            "SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user", app);
        await using var reader = await who.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("app_user", reader.GetString(0));
        Assert.False(reader.GetBoolean(1));
        Assert.False(reader.GetBoolean(2));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
