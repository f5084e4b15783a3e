namespace TenantGuard.Sql
{
    /// <summary>How the checked SQL text was written in the C# source.</summary>
    public sealed class SqlCheckOptions
    {
        /// <summary>True for interpolated strings: `{0}`, `{1}`… are holes that become parameters.</summary>
        public bool InterpolationHoles { get; set; }
    }
}
