namespace TenantGuard.Harness.Attacks.Http;

/// <summary>
/// TG2109: the attacker creates an item whose body names the victim's tenant (tenantId, organizationId …). The API
/// must refuse it, or create it for the caller: visible to the attacker, invisible to the tenant the body named.
/// </summary>
public static class CreateSpoofAttack
{
    public static async Task RunAsync(HttpAttackSession session, ApiResource resource, string? victimTenantValue, CancellationToken ct)
    {
        var create = resource.Create!;
        var (attacker, victim) = (session.Attacker, session.Victim);
        if (RequestBodyBuilder.TenantPropertyOf(create.RequestSchema) is not { } property)
        {
            session.Note($"{resource.Name}: {HttpAttackRules.TenantSpoofOnCreate} not run: the create body's schema has no tenant property (tenantId, organizationId …)");
            return;
        }

        if (victimTenantValue is null)
        {
            session.Note($"{resource.Name}: {HttpAttackRules.TenantSpoofOnCreate} not run: tenant {victim.Name}'s id is unknown (its items show no tenant property and the config gives no tenantHeader)");
            return;
        }

        // Control: the same create, naming no tenant, works for the attacker.
        var control = await ItemFactory.CreateAsync(session, resource, attacker, ct).ConfigureAwait(false);
        if (control?.Id is null)
        {
            if (control is not null)
            {
                session.NotProven(resource, create, $"tenant {attacker.Name} could not create an item of its own", control.Response);
            }

            return;
        }

        var spoof = await ItemFactory.CreateAsync(session, resource, attacker, ct, body => body[property] = victimTenantValue, referencesOf: victim).ConfigureAwait(false);
        if (spoof?.Path is not { } path)
        {
            return; // refused: the API did not trust the body's tenant
        }

        var asCaller = await session.SendAsync(session.As(attacker, path), ct).ConfigureAwait(false);
        var asNamed = session.ItemFor(resource, victim, spoof.Id!) is { } victimPath
            ? await session.SendAsync(session.As(victim, victimPath), ct).ConfigureAwait(false)
            : null;
        var landedElsewhere = JsonItems.TenantOf(spoof.Response.Body) is { } owner && string.Equals(owner, victimTenantValue, StringComparison.OrdinalIgnoreCase);
        if (!asCaller.IsSuccess || asNamed?.IsSuccess == true || landedElsewhere)
        {
            session.Findings.Add(HttpAttackRules.TenantSpoofOnCreate, resource.Collection, null,
                $"Tenant {attacker.Name} created an item in tenant {victim.Name} at {create.Label} {resource.Collection} by naming it in \"{property}\" ({(int)spoof.Response.Status}); "
                + $"the caller {(asCaller.IsSuccess ? "can" : "cannot")} read it, tenant {victim.Name} {(asNamed?.IsSuccess == true ? "can" : "cannot")}.",
                $"Take the tenant from the request's resolved tenant only: ignore \"{property}\" in the body (or refuse a body naming another tenant with 403), and keep row-level security's WITH CHECK underneath.",
                HttpAttackSession.Evidence(create, spoof.Response.Transcript, asCaller.Transcript, asNamed?.Transcript ?? string.Empty));
        }
    }
}
