namespace TenantGuard.Harness.Attacks.Http;

/// <summary>Every item the run created, with who created it: write attacks only ever target these, and the run
/// deletes them at the end through the API, as their owner.</summary>
public sealed class CreatedItems
{
    private readonly List<(ApiResource Resource, string Path, HttpTenant Owner)> _items = [];

    public void Add(ApiResource resource, string path, HttpTenant owner) => _items.Add((resource, path, owner));

    public bool Contains(string path) => _items.Any(i => i.Path == path);

    public void Forget(string path) => _items.RemoveAll(i => i.Path == path);

    /// <summary>Deletes newest first (children before their parents); returns notes for what could not be deleted.</summary>
    public async Task<IReadOnlyList<string>> DeleteAllAsync(HttpAttackSession session, CancellationToken ct)
    {
        var notes = new List<string>();
        session.Probe.Capped = false;
        for (var i = _items.Count - 1; i >= 0; i--)
        {
            var (resource, path, owner) = _items[i];
            if (resource.Delete is null)
            {
                notes.Add($"{resource.Name}: created {path} as {owner.Name} and left it: the API has no DELETE for it");
                continue;
            }

            var deleted = false;
            // A spoofed create may have landed in either tenant: try the creator first, then the other one.
            foreach (var tenant in session.Config.Tenants.OrderBy(t => t == owner ? 0 : 1))
            {
                var response = await session.SendAsync(session.As(tenant, path) with { Method = HttpMethod.Delete }, ct).ConfigureAwait(false);
                if (response.IsSuccess || response.Status == System.Net.HttpStatusCode.NotFound && tenant == owner && await session.GoneAsync(path, ct).ConfigureAwait(false))
                {
                    deleted = true;
                    break;
                }
            }

            if (!deleted)
            {
                notes.Add($"{resource.Name}: could not delete {path}, created by the run as {owner.Name}");
            }

            session.Report($"cleanup: {(deleted ? "deleted" : "left")} {path}");
        }

        _items.Clear();
        return notes;
    }
}
