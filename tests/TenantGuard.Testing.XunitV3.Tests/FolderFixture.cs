namespace TenantGuard.Testing.Tests;

/// <summary>The packaged fixture pointed at a folder of the test's own, started and disposed by the test itself.</summary>
internal sealed class FolderFixture(string path) : TenantIsolationFixture(new TenantIsolationOptions { Path = path });
