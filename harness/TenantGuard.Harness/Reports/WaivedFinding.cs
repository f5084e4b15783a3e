using TenantGuard.Harness.Waivers;

namespace TenantGuard.Harness.Reports;

/// <summary>A finding a waiver accepted: still reported, with the reason the team gave.</summary>
public sealed record WaivedFinding(Finding Finding, Waiver Waiver);
