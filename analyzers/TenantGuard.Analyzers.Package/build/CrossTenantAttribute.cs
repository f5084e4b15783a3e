// Added to the project by the TenantGuard.Analyzers package when TenantGuardIncludeCrossTenantAttribute is true.
// TenantGuard recognises any attribute named CrossTenantAttribute, in any namespace; this is one ready to use.
namespace TenantGuard
{
    /// <summary>
    /// Marks a method or type that deliberately works across tenants (platform administration, billing runs, support
    /// tools). TenantGuard does not report TG0001 or TG0002 inside it. The reason is required and shows up in review.
    /// </summary>
    [global::System.AttributeUsage(
        global::System.AttributeTargets.Class | global::System.AttributeTargets.Struct | global::System.AttributeTargets.Method,
        Inherited = false, AllowMultiple = false)]
    internal sealed class CrossTenantAttribute : global::System.Attribute
    {
        public CrossTenantAttribute(string reason)
        {
            Reason = reason;
        }

        /// <summary>Why this code may see every tenant's data.</summary>
        public string Reason { get; }
    }
}
