namespace TenantGuard.Harness.Attacks.Probing;

/// <summary>The error that stopped a probe statement, as PostgreSQL reported it.</summary>
public sealed record ProbeError(string SqlState, string MessageText);

/// <summary>What one attack statement did: the rows it counted or changed, or the error that stopped it, and a
/// transcript that reproduces it in psql.</summary>
public sealed record ProbeOutcome(string Transcript, long Rows, ProbeError? Error, bool SetupFailed = false)
{
    private const string UniqueViolation = "23505";
    private const string ForeignKeyViolation = "23503";

    public bool Succeeded => Error is null && Rows > 0;

    /// <summary>A write that only a unique or foreign key refused: PostgreSQL checks the policies' WITH CHECK before
    /// it writes index entries and before foreign-key triggers fire, so row-level security let the write through.</summary>
    public bool PassedRowSecurity => Succeeded || (!SetupFailed && Error?.SqlState is UniqueViolation or ForeignKeyViolation);
}
