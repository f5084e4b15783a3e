using System.Diagnostics;
using TenantGuard.Harness.Attacks;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Tests.Infrastructure;

/// <summary>
/// The test assembly's entry point. The test runner never calls it: a test that needs harness code running in a
/// process it can kill with SIGKILL starts this assembly as a program, with the part to play.
/// </summary>
public static class TestProgram
{
    /// <summary>Starts an embedded server with a pgbouncer in front, prints both directories, and waits to be killed.</summary>
    public const string HoldPgBouncer = "hold-pgbouncer";

    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case [HoldPgBouncer]:
                await HoldPgBouncerAsync();
                return 0;
            default:
                await Console.Error.WriteLineAsync($"unknown part: {string.Join(' ', args)}");
                return 2;
        }
    }

    /// <summary>This assembly as its own process, on the embedded server (not whatever TENANTGUARD_CONNECTION names).</summary>
    public static Process Start(string part)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { typeof(TestProgram).Assembly.Location, part },
        };
        start.Environment.Remove(PostgresServerBuilder.ConnectionEnvironmentVariable);
        return Process.Start(start)!;
    }

    private static async Task HoldPgBouncerAsync()
    {
        await using var server = (EmbeddedPostgresServer)await new PostgresServerBuilder().StartAsync();
        await using var bouncer = await PgBouncerProcess.TryStartAsync(server.AdminConnectionString, CancellationToken.None)
                                  ?? throw new InvalidOperationException("pgbouncer is not installed");
        Console.WriteLine(server.Directory);
        Console.WriteLine(bouncer.Directory);
        await Task.Delay(Timeout.Infinite);
    }
}
