using System.Diagnostics;
using System.Text;

namespace TenantGuard.Harness.Server;

/// <summary>
/// Runs the programs of one bin directory: the PostgreSQL tools, or pgbouncer. initdb, postgres and pgbouncer refuse
/// to run as root, so when this process is root they run as the unprivileged <see cref="ServiceUser"/> through
/// <c>runuser</c>, which then owns the server directories.
/// </summary>
internal sealed class ServerProcessRunner
{
    public const string ServiceUser = "postgres";

    public ServerProcessRunner(string binDirectory)
    {
        BinDirectory = binDirectory;
    }

    public string BinDirectory { get; }

    /// <summary>True when the tools must be started as <see cref="ServiceUser"/>.</summary>
    public static bool RunsAsServiceUser => !OperatingSystem.IsWindows() && Environment.IsPrivilegedProcess;

    public sealed record Result(int ExitCode, string Output)
    {
        public bool Succeeded => ExitCode == 0;
    }

    public async Task<Result> RunAsync(string tool, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout,
        CancellationToken ct)
    {
        using var process = new Process { StartInfo = StartInfo(tool, arguments, workingDirectory) };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new HarnessException($"Could not start {process.StartInfo.FileName}: {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            return new Result(-1, $"{tool} did not finish within {timeout.TotalSeconds:0} s.\n{Snapshot(output)}");
        }

        process.WaitForExit(); // flushes the asynchronous output readers
        return new Result(process.ExitCode, Snapshot(output));
    }

    /// <summary>The synchronous variant, for process-exit handlers where nothing can be awaited.</summary>
    public Result Run(string tool, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout)
    {
        using var process = new Process { StartInfo = StartInfo(tool, arguments, workingDirectory) };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return new Result(-1, Snapshot(output));
        }

        process.WaitForExit();
        return new Result(process.ExitCode, Snapshot(output));
    }

    /// <summary>Hands a directory the harness created to the service user, so the server can write into it.</summary>
    public static void GiveToServiceUser(string directory)
    {
        if (!RunsAsServiceUser)
        {
            return;
        }

        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", $"{ServiceUser}:", directory])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        })!;
        var error = chown.StandardError.ReadToEnd();
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new HarnessException(
                $"This process runs as root, and PostgreSQL refuses to run as root, so the server runs as the " +
                $"'{ServiceUser}' user; handing {directory} to it failed: {error.Trim()}. Create the user " +
                $"(`useradd --system {ServiceUser}`) or run as an unprivileged user.");
        }
    }

    private ProcessStartInfo StartInfo(string tool, IEnumerable<string> arguments, string workingDirectory)
    {
        var executable = Path.Combine(BinDirectory, PostgresBinaries.ExecutableName(tool));
        var info = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            WorkingDirectory = workingDirectory,
        };
        if (RunsAsServiceUser)
        {
            info.FileName = "runuser";
            info.ArgumentList.Add("-u");
            info.ArgumentList.Add(ServiceUser);
            info.ArgumentList.Add("--");
            info.ArgumentList.Add(executable);
        }
        else
        {
            info.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Messages in English whatever the machine's locale, so errors read the same everywhere.
        info.Environment["LC_MESSAGES"] = "C";
        return info;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString().TrimEnd();
        }
    }
}
