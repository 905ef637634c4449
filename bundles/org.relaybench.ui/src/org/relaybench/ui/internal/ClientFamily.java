package org.relaybench.ui.internal;

import java.util.Locale;

/**
 * How a mail client names its server settings, so that the editor shows them as the customer sees
 * them on the device: iOS' Primary Server with its On switch and other SMTP servers, Outlook's
 * encryption method, Thunderbird's connection security.
 */
enum ClientFamily {
    IOS, OUTLOOK, THUNDERBIRD, OTHER;

    /**
     * @param kind a client kind as the editor offers it, e.g. {@code ios}
     * @return its family
     */
    static ClientFamily of(String kind) {
        String k = kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
        return switch (k) {
        case "ios", "ipados", "iphone", "ipad" -> IOS;
        case "outlook" -> OUTLOOK;
        case "thunderbird" -> THUNDERBIRD;
        default -> OTHER;
        };
    }

    String incomingTitle() {
        return switch (this) {
        case IOS -> Messages.IosIncoming;
        case OUTLOOK -> Messages.OutlookIncoming;
        case THUNDERBIRD -> Messages.ThunderbirdIncoming;
        case OTHER -> Messages.FormIncoming;
        };
    }

    String outgoingTitle() {
        return switch (this) {
        case IOS -> Messages.IosOutgoing;
        case OUTLOOK -> Messages.OutlookOutgoing;
        case THUNDERBIRD -> Messages.ThunderbirdOutgoing;
        case OTHER -> Messages.FormOutgoing;
        };
    }

    String security() {
        return switch (this) {
        case IOS -> Messages.IosSecurity;
        case OUTLOOK -> Messages.OutlookSecurity;
        case THUNDERBIRD -> Messages.ThunderbirdSecurity;
        case OTHER -> Messages.FormSecurity;
        };
    }

    String auth() {
        return switch (this) {
        case IOS -> Messages.IosAuth;
        case OUTLOOK -> Messages.OutlookAuth;
        case THUNDERBIRD -> Messages.ThunderbirdAuth;
        case OTHER -> Messages.FormAuth;
        };
    }
}
