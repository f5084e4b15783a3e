namespace TenantGuard.Harness;

/// <summary>
/// A failure the user can act on: the message is the whole story (what went wrong, where, and what to do),
/// so callers print it without a stack trace and exit with code 2.
/// </summary>
public class HarnessException : Exception
{
    public HarnessException(string message)
        : base(message)
    {
    }

    public HarnessException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
