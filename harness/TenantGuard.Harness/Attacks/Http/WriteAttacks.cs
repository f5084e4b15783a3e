namespace TenantGuard.Harness.Attacks.Http;

/// <summary>
/// Writes across tenants, only ever on items the run created itself: TG2107 (the attacker updates the victim's
/// item) and TG2108 (the attacker deletes it). Each is proven first by the owner doing the same through the same path.
/// </summary>
public static class WriteAttacks
{
    public static async Task UpdateAsync(HttpAttackSession session, ApiResource resource, string victimPath, CancellationToken ct)
    {
        var update = resource.Update!;
        var (owner, attacker) = (session.Victim, session.Attacker);
        var ownMarker = session.NextMarker();
        var control = await session.SendAsync(session.As(owner, victimPath, update.Method, BodyFor(session, resource, owner, ownMarker)), ct).ConfigureAwait(false);
        var controlRead = await session.SendAsync(session.As(owner, victimPath), ct).ConfigureAwait(false);
        if (!control.IsSuccess || !controlRead.Body.Contains(ownMarker, StringComparison.Ordinal))
        {
            session.NotProven(resource, update, $"tenant {owner.Name} could not change its own item {victimPath}", control);
            return;
        }

        var marker = session.NextMarker();
        var attack = await session.SendAsync(session.As(attacker, victimPath, update.Method, BodyFor(session, resource, attacker, marker)), ct).ConfigureAwait(false);
        var after = await session.SendAsync(session.As(owner, victimPath), ct).ConfigureAwait(false);
        var changed = after.Body.Contains(marker, StringComparison.Ordinal);
        if (changed || !attack.IsRefusal)
        {
            session.Findings.Add(HttpAttackRules.UpdateAcrossTenants, resource.Item, null,
                changed
                    ? $"Tenant {attacker.Name} changed tenant {owner.Name}'s item {victimPath} with {update.Label} ({(int)attack.Status}); its owner now reads the attacker's values."
                    : $"Tenant {attacker.Name}'s {update.Label} of tenant {owner.Name}'s item {victimPath} got {(int)attack.Status} instead of 403 or 404 (the item is unchanged).",
                "Update by id AND the request's tenant (UPDATE … WHERE tenant_id = @tenantId AND id = @id), answer 404 when no row matched, and keep row-level security on underneath.",
                HttpAttackSession.Evidence(update, attack.Transcript, after.Transcript));
        }
    }

    public static async Task DeleteAsync(HttpAttackSession session, ApiResource resource, string victimPath, CancellationToken ct)
    {
        var delete = resource.Delete!;
        var (owner, attacker) = (session.Victim, session.Attacker);

        // The control spends an item of its own: the owner deletes it and it is gone.
        var spare = await ItemFactory.CreateAsync(session, resource, owner, ct).ConfigureAwait(false);
        if (spare?.Path is not { } sparePath)
        {
            return;
        }

        var control = await session.SendAsync(session.As(owner, sparePath, HttpMethod.Delete), ct).ConfigureAwait(false);
        var controlRead = await session.SendAsync(session.As(owner, sparePath), ct).ConfigureAwait(false);
        if (!control.IsSuccess || controlRead.IsSuccess)
        {
            session.NotProven(resource, delete, $"tenant {owner.Name} could not delete its own item {sparePath}", control);
            return;
        }

        session.Created.Forget(sparePath);
        var attack = await session.SendAsync(session.As(attacker, victimPath, HttpMethod.Delete), ct).ConfigureAwait(false);
        var after = await session.SendAsync(session.As(owner, victimPath), ct).ConfigureAwait(false);
        if (!after.IsSuccess || !attack.IsRefusal)
        {
            session.Findings.Add(HttpAttackRules.DeleteAcrossTenants, resource.Item, null,
                !after.IsSuccess
                    ? $"Tenant {attacker.Name} deleted tenant {owner.Name}'s item {victimPath} with {delete.Label} ({(int)attack.Status}); its owner now gets {(int)after.Status}."
                    : $"Tenant {attacker.Name}'s {delete.Label} of tenant {owner.Name}'s item {victimPath} got {(int)attack.Status} instead of 403 or 404 (the item is still there).",
                "Delete by id AND the request's tenant (DELETE … WHERE tenant_id = @tenantId AND id = @id), answer 404 when no row matched, and keep row-level security on underneath.",
                HttpAttackSession.Evidence(delete, attack.Transcript, after.Transcript));
        }
    }

    private static System.Text.Json.Nodes.JsonObject BodyFor(HttpAttackSession session, ApiResource resource, HttpTenant tenant, string marker) =>
        resource.Update!.RequestSchema is { } schema ? RequestBodyBuilder.Build(schema, marker, stem => session.ReferenceFor(tenant, stem)) : [];
}
