using System.Net.Mail;
using DisclosurePortal.Data;
using DisclosurePortal.Data.Entities;
using DisclosurePortal.Web.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DisclosurePortal.Web.Features.Invitations;

public enum InvitationState
{
    Open,
    Accepted,
    Expired,
    Revoked,
}

public sealed record InvitationRow(int Id, string Email, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, InvitationState State);

/// <summary>What became of an invitation the admin asked for.</summary>
public sealed record InvitationResult(bool Sent, string Message);

/// <summary>
/// Staff side of invitations: send one to an address at a company (any earlier open link to that address
/// dies), list a company's invitations, revoke one. Sending and revoking are for admins.
/// </summary>
public sealed class InvitationService(
    IDbContextFactory<PortalDbContext> dbFactory,
    PortalSession session,
    IMailDelivery delivery,
    IOptions<EmailOptions> email,
    IOptions<InvitationOptions> options,
    AccountEmailLinks links,
    TimeProvider clock,
    ILogger<InvitationService> logger)
{
    public async Task<InvitationResult> InviteAsync(int companyId, string address, CancellationToken cancellationToken = default)
    {
        var admin = await session.RequireAdminAsync();
        if (!MailAddress.TryCreate(address?.Trim(), out var parsed) || parsed.Address.Length > 256)
        {
            return new InvitationResult(false, $"'{address}' is not an e-mail address.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var company = await db.Companies.SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken)
            ?? throw new KeyNotFoundException("Company not found.");
        var to = parsed.Address.ToLowerInvariant();
        var now = clock.GetUtcNow();
        await RevokeOpenAsync(db, companyId, to, now, cancellationToken);

        var token = InvitationToken.New();
        var invitation = new Invitation
        {
            CompanyId = companyId,
            Email = to,
            TokenHash = InvitationToken.Hash(token),
            InvitedByUserId = admin.UserId,
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.ValidDays),
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);

        try
        {
            await delivery.DeliverAsync(Message(company, to, links.Invitation(token), invitation.ExpiresAt), cancellationToken);
        }
        catch (MailDeliveryException)
        {
            // A link nobody received must not stay usable; the admin sends again.
            invitation.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return new InvitationResult(false, $"The invitation to {to} could not be sent. Nothing was delivered; try again later.");
        }

        logger.LogInformation("Invitation {InvitationId} for company {CompanyId} sent by {UserId}", invitation.Id, companyId, admin.UserId);
        return new InvitationResult(true, $"Invitation sent to {to}; the link works until {invitation.ExpiresAt:d MMM yyyy HH:mm} UTC.");
    }

    public async Task<IReadOnlyList<InvitationRow>> ListAsync(int companyId)
    {
        await session.RequireStaffAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.CompanyId == companyId).OrderByDescending(i => i.Id).ToListAsync();
        return invitations.Select(i => new InvitationRow(i.Id, i.Email, i.CreatedAt, i.ExpiresAt, StateOf(i, now))).ToList();
    }

    public async Task RevokeAsync(int invitationId)
    {
        var admin = await session.RequireAdminAsync();
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        await db.Invitations.Where(i => i.Id == invitationId && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now));
        logger.LogInformation("Invitation {InvitationId} revoked by {UserId}", invitationId, admin.UserId);
    }

    private static InvitationState StateOf(Invitation i, DateTimeOffset now) =>
        i.AcceptedAt is not null ? InvitationState.Accepted
        : i.RevokedAt is not null ? InvitationState.Revoked
        : now >= i.ExpiresAt ? InvitationState.Expired
        : InvitationState.Open;

    private static Task<int> RevokeOpenAsync(PortalDbContext db, int companyId, string to, DateTimeOffset now, CancellationToken cancellationToken) =>
        db.Invitations.Where(i => i.CompanyId == companyId && i.Email == to && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);

    private MimeKit.MimeMessage Message(Company company, string to, string link, DateTimeOffset expiresAt) => PortalMail.Create(
        email.Value.From,
        to,
        $"Your access to the Disclosure Portal for {company.Name}",
        [
            $"You are invited to answer the label's AI-training disclosure request on behalf of {company.Name}.",
            "Open this link to set your password and sign in:",
        ],
        link,
        [$"The link works once, for this address only, until {expiresAt:d MMM yyyy HH:mm} UTC. If you did not expect it, ignore this message."]);
}
