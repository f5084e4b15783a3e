namespace TenantGuard.Benchmarks.Results;

/// <summary>
/// A failure the user can act on (a missing or malformed file, a failed benchmark case, an unexpected diagnostic
/// count): the message is the whole story and the program exits with code 2, without a stack trace.
/// </summary>
public sealed class BenchmarkException(string message) : Exception(message);
