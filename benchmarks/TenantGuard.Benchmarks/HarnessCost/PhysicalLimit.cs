using System.Diagnostics;
using Npgsql;
using TenantGuard.Benchmarks.Results;
using TenantGuard.Harness.Catalog;
using TenantGuard.Harness.Server;

namespace TenantGuard.Benchmarks.HarnessCost;

/// <summary>
/// The least any tool could spend on the same schema: start the server from the cached cluster, apply the migration
/// files with <c>psql -1 -f</c>, read the catalog in one round trip, stop. The harness's times are divided by this,
/// measured in the same run, so the ratio says how much of the cost is the harness's own.
/// </summary>
public static class PhysicalLimit
{
    public static async Task<double> MeasureAsync(string migrations, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using (var server = await new PostgresServerBuilder().StartAsync(ct))
        {
            var admin = new NpgsqlConnectionStringBuilder(server.AdminConnectionString);
            await PsqlAsync(admin, ["-c", $"CREATE ROLE {SyntheticSchema.AppRole}"], ct);
            foreach (var file in Directory.GetFiles(migrations, "*.sql").Order(StringComparer.Ordinal))
                await PsqlAsync(admin, ["-1", "-f", file], ct);
            await using var connection = new NpgsqlConnection(server.AdminConnectionString);
            await connection.OpenAsync(ct);
            await CatalogReader.ReadAsync(connection, SyntheticSchema.AppRole, ct);
        }

        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task PsqlAsync(NpgsqlConnectionStringBuilder admin, string[] arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", admin.Host!, "-p", admin.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "-U", admin.Username!, "-d", admin.Database ?? "postgres" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(admin.Password))
            start.Environment["PGPASSWORD"] = admin.Password;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new BenchmarkException("The physical-limit baseline needs psql on PATH (apt-get install postgresql-client).");
        }

        using var _ = process;
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new BenchmarkException($"psql {string.Join(' ', arguments)} failed: {await stderr}");
    }
}
