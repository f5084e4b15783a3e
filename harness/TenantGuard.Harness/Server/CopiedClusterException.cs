namespace TenantGuard.Harness.Server;

/// <summary>
/// The server did not come up from its copy of the cached cluster, and the cluster itself may be to blame (not the
/// settings the caller added, not a slow machine): the copy, pg_ctl start or the first connection failed. Caught by
/// <see cref="EmbeddedPostgresServer"/>, which rebuilds the cache entry once and tries again; a second failure
/// reaches the caller as a <see cref="HarnessException"/> with the same message.
/// </summary>
internal sealed class CopiedClusterException(string message, Exception? innerException = null) : Exception(message, innerException);
