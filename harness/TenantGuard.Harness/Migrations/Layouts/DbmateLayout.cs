namespace TenantGuard.Harness.Migrations.Layouts;

/// <summary>
/// dbmate: the files of the folder itself whose name starts with their version digits, by file name; of each, only
/// the <c>-- migrate:up</c> sections run (each with its own transaction, or none for <c>transaction:false</c>).
/// The down sections only roll back, so they never run. Lines keep pointing into the whole file.
/// </summary>
internal static class DbmateLayout
{
    public static LayoutFiles Read(MigrationSource source)
    {
        var files = new List<MigrationFile>();
        var downSections = 0;
        var unnumbered = new List<string>();
        foreach (var name in source.TopLevel)
        {
            // dbmate reads only files that start with their version; a file named on the command line is read as it is.
            if (!source.IsSingleFile && DigitText.LeadingDigits(name) == 0)
            {
                unnumbered.Add(name);
                continue;
            }

            var text = source.Text(name);
            var dbmate = DbmateFile.Read(text, source.DisplayPath(name));
            downSections += dbmate.DownSections;
            foreach (var up in dbmate.UpSections)
            {
                var part = $"-- migrate:up, lines {up.FirstLine}-{up.LastLine}{(up.InTransaction ? "" : ", transaction:false")}";
                files.Add(source.File(name) with
                {
                    Text = text[up.Start..up.End],
                    FirstLine = up.FirstLine,
                    InTransaction = up.InTransaction,
                    Part = part,
                });
            }
        }

        var skipped = new List<string>();
        if (downSections > 0)
            skipped.Add($"down sections skipped: {downSections}");
        if (unnumbered.Count > 0)
            skipped.Add(LayoutFiles.Naming("no version number at the start of the name, not run", unnumbered));
        skipped.AddRange(LayoutFiles.SubfoldersNotRead(source));
        return new LayoutFiles(files, skipped);
    }
}
