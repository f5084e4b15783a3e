namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>One <c>-- migrate:up</c> section of a dbmate file: the SQL dbmate runs when migrating up.</summary>
/// <param name="Start">Index of the marker line's start; the section runs from there.</param>
/// <param name="End">Index where the section ends: its <c>-- migrate:down</c> line, the next up section, or the end.</param>
/// <param name="FirstLine">1-based line of the marker.</param>
/// <param name="LastLine">1-based line of the section's last line.</param>
/// <param name="InTransaction">False when the marker says <c>transaction:false</c>.</param>
internal sealed record DbmateUpSection(int Start, int End, int FirstLine, int LastLine, bool InTransaction);
