namespace TenantGuard.Cli;

public static class ExitCodes
{
    public const int Clean = 0;
    public const int Findings = 1;
    public const int UsageOrInfrastructure = 2;
}
