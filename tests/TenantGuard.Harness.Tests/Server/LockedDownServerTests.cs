using System.Diagnostics;
using Npgsql;
using TenantGuard.Harness.Server;

namespace TenantGuard.Harness.Tests.Server;

/// <summary>While an embedded server runs, only the harness gets in: every connection needs the superuser's password,
/// over 127.0.0.1 and over the unix socket, and no other OS user can reach the socket.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // unix sockets, file modes and OS users
public sealed class LockedDownServerTests : IAsyncLifetime
{
    private EmbeddedPostgresServer _server = null!;

    public async Task InitializeAsync() =>
        _server = (EmbeddedPostgresServer)await new PostgresServerBuilder().WithTemporaryRoot(EmbeddedServerTests.NewRoot()).StartAsync();

    public async Task DisposeAsync()
    {
        var root = Path.GetDirectoryName(_server.Directory)!;
        await _server.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("socket")]
    public async Task The_superuser_without_its_password_is_refused(string over)
    {
        var withoutPassword = Over(over, password: null);

        var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => OpenAsync(withoutPassword));

        // The server asked for SCRAM; with trust authentication this connection would have succeeded.
        Assert.Contains("password", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("socket")]
    public async Task A_wrong_password_is_refused_by_the_server(string over)
    {
        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(Over(over, password: "not-the-password")));

        Assert.Contains(refused.SqlState, new[] { PostgresErrorCodes.InvalidPassword, PostgresErrorCodes.InvalidAuthorizationSpecification });
    }

    [Theory]
    [InlineData("tcp")]
    [InlineData("socket")]
    public async Task The_harness_connects_with_the_password(string over)
    {
        var password = new NpgsqlConnectionStringBuilder(_server.AdminConnectionString).Password;
        Assert.False(string.IsNullOrEmpty(password));

        await using var connection = await OpenAsync(Over(over, password));
        await using var command = new NpgsqlCommand("SELECT current_user", connection);

        Assert.Equal(EmbeddedPostgresServer.Superuser, await command.ExecuteScalarAsync());
    }

    [Fact]
    public void The_server_and_socket_directory_is_private_to_the_server_user()
    {
        Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(_server.Directory));
        Assert.True(File.Exists(Path.Combine(_server.Directory, $".s.PGSQL.{_server.Port}")), "the socket lives in the server directory");
        Assert.Equal(ServerUser, Owner(_server.Directory));
    }

    [Fact]
    public async Task Another_os_user_cannot_list_or_enter_the_socket_directory()
    {
        // Needs root to act as another user; elsewhere the 0700 mode above is the proof.
        if (!Environment.IsPrivilegedProcess || await RunAsync("id", "-u", "nobody") != 0)
            return;

        Assert.NotEqual(0, await RunAsync("runuser", "-u", "nobody", "--", "ls", _server.Directory));
        Assert.NotEqual(0, await RunAsync("runuser", "-u", "nobody", "--", "test", "-e", Path.Combine(_server.Directory, $".s.PGSQL.{_server.Port}")));
        Assert.Equal(0, await RunAsync("runuser", "-u", "nobody", "--", "ls", "/")); // runuser itself works
    }

    [Fact]
    public void The_cached_password_file_is_readable_by_the_server_user_alone()
    {
        var cache = Path.Combine(ServerDirectory.DefaultRoot, InitdbCache.DirectoryName);
        var passwordFiles = Directory.GetDirectories(cache).Select(entry => Path.Combine(entry, "superuser.password")).Where(File.Exists).ToList();

        Assert.NotEmpty(passwordFiles);
        Assert.All(passwordFiles, file => Assert.Equal(PrivateFiles.SecretFile, File.GetUnixFileMode(file)));
        Assert.All(passwordFiles, file => Assert.Equal(ServerUser, Owner(file)));
        Assert.All(Directory.GetDirectories(cache).Where(d => File.Exists(Path.Combine(d, "superuser.password"))),
            entry => Assert.Equal(PrivateFiles.OwnerOnly, File.GetUnixFileMode(entry)));
    }

    private static string ServerUser => ServerProcessRunner.RunsAsServiceUser ? ServerProcessRunner.ServiceUser : Environment.UserName;

    private string Over(string over, string? password) => new NpgsqlConnectionStringBuilder(_server.AdminConnectionString)
    {
        Host = over == "socket" ? _server.Directory : "127.0.0.1",
        Password = password,
        Pooling = false,
    }.ConnectionString;

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static string Owner(string path)
    {
        using var stat = Process.Start(new ProcessStartInfo("stat", ["-c", "%U", path]) { RedirectStandardOutput = true })!;
        var owner = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return owner;
    }

    private static async Task<int> RunAsync(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync(), process.WaitForExitAsync());
        return process.ExitCode;
    }
}
