using System.CommandLine;
using System.Runtime.InteropServices;
using TenantGuard.Harness.Server;

namespace TenantGuard.Cli;

public static class Program
{
    /// <summary>The tenantguard commands: one line each.</summary>
    private static readonly Func<CliConsole, Command>[] Commands =
    [
        AuditCommand.Create,
        VerifyCommand.Create,
        CheckCommand.Create,
        BenchCommand.Create,
        ExplainCommand.Create,
        InitCommand.Create,
    ];

    public static async Task<int> Main(string[] args)
    {
        // Ctrl-C cancels the run's token (System.CommandLine does that); the run then stops its server and deletes its
        // directory through the normal disposal path. Keep the process alive until it has.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        // SIGTERM (`kill`, a CI timeout) and SIGHUP (the terminal closed) the same way; the harness's own safety net
        // for them stands aside.
        PostgresServer.ApplicationHandlesTermination = true;
        // Never disposed: a signal handler already dispatched may still run after Main's last line.
        var terminated = new CancellationTokenSource();
        void Cancel(PosixSignalContext context)
        {
            context.Cancel = true;
            terminated.Cancel();
        }

        using var sigterm = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
        using var sighup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);
        return await RunAsync(args, CliConsole.System, terminated.Token);
    }

    /// <summary>Runs the command line in-process (tests call this with string writers).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(args, new CliConsole(stdout, stderr), cancellationToken);

    /// <summary>Every command, writing to <paramref name="console"/>.</summary>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("TenantGuard: check that a PostgreSQL database really isolates tenants.");
        foreach (var create in Commands)
            root.Subcommands.Add(create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = CreateRootCommand(console);

        // A bare tenantguard shows what it can do rather than an error.
        var parsed = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parsed.Errors.Count > 0)
        {
            await console.Error.WriteLineAsync(UsageErrors.Describe(parsed));
            return ExitCodes.UsageOrInfrastructure;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            // Ctrl-C cancels the run; stopping the server and deleting its directory may take a few seconds.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
        };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }
}
