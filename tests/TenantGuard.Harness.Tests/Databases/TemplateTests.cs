using Npgsql;
using TenantGuard.Harness.Tests.Infrastructure;

namespace TenantGuard.Harness.Tests.Databases;

[Collection("postgres")]
public sealed class TemplateTests(PostgresServerFixture fixture)
{
    [Fact]
    public async Task Many_databases_from_one_template_are_created_in_parallel_and_do_not_share_rows()
    {
        using var folder = MigrationsFolder.Create(("001_table.sql", "CREATE TABLE items (id int);"));
        await using var template = await fixture.BuildTemplateAsync(folder.Path);

        var databases = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => template.CreateDatabaseAsync()));
        try
        {
            Assert.Equal(8, databases.Select(d => d.Name).Distinct().Count());
            await Task.WhenAll(databases.Select(async (database, index) =>
            {
                await using var command = database.OwnerDataSource.CreateCommand($"INSERT INTO items SELECT generate_series(1, {index + 1})");
                await command.ExecuteNonQueryAsync();
            }));
            for (var index = 0; index < databases.Length; index++)
            {
                await using var count = databases[index].OwnerDataSource.CreateCommand("SELECT count(*) FROM items");
                Assert.Equal((long)index + 1, await count.ExecuteScalarAsync());
            }
        }
        finally
        {
            foreach (var database in databases)
            {
                await database.DisposeAsync();
            }
        }

        foreach (var database in databases)
        {
            Assert.False(await DatabaseExistsAsync(database.Name));
        }
    }

    [Fact]
    public async Task Dispose_drops_the_database_even_with_open_connections()
    {
        using var folder = MigrationsFolder.Create(("001_table.sql", "CREATE TABLE items (id int);"));
        await using var template = await fixture.BuildTemplateAsync(folder.Path);
        var database = await template.CreateDatabaseAsync();
        var open = new NpgsqlConnection(database.OwnerConnectionString);
        await open.OpenAsync();

        await database.DisposeAsync();

        Assert.False(await DatabaseExistsAsync(database.Name));
        await open.DisposeAsync();
    }

    [Fact]
    public async Task The_template_is_closed_to_connections_and_dropped_on_dispose()
    {
        using var folder = MigrationsFolder.Create(("001_table.sql", "CREATE TABLE items (id int);"));
        var template = await fixture.BuildTemplateAsync(folder.Path);

        await using (var connection = new NpgsqlConnection(fixture.Server.ConnectionStringFor(template.Name)))
        {
            var error = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
            Assert.Equal(PostgresErrorCodes.ObjectNotInPrerequisiteState, error.SqlState);
        }

        await template.DisposeAsync();
        Assert.False(await DatabaseExistsAsync(template.Name));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => template.CreateDatabaseAsync());
    }

    private async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var command = fixture.Server.AdminDataSource.CreateCommand("SELECT count(*) FROM pg_database WHERE datname = $1");
        command.Parameters.AddWithValue(name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
