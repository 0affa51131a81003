"""The command line's accounts side: users and their brand kits (``users ...``, ``kits ...``),
and the two helpers every command shares: a runtime and the owner of a command's work."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from pipeline.errors import AdstudioError
from pipeline.settings import Settings
from pipeline.store import repository


def runtime_for(settings: Settings, **kwargs: Any) -> Any:
    from pipeline.runtime.services import bootstrap

    return bootstrap(settings, **kwargs)


def owner_id(runtime: Any, username: str | None) -> int:
    with runtime.sessions.begin() as session:
        if username:
            user = repository.get_user(session, username)
            if user is None:
                raise AdstudioError(f"No user {username!r}. Create it with `users add`.")
        else:
            from pipeline.store.users import service_user

            user = service_user(session)
        return int(user.id)


CLI_KIT = "cli"  # the kit --logo/--image are saved as when no --kit names one


def _read(path: str) -> tuple[str, bytes]:
    try:
        return Path(path).name, Path(path).read_bytes()
    except OSError as exc:
        raise AdstudioError(f"Cannot read {path} ({exc.strerror}). Check the path.") from None


def brand_kit_id(
    runtime: Any, settings: Settings, user_id: int, args: argparse.Namespace
) -> int | None:
    """The brand kit for this command: files given are saved (as --kit NAME, or "cli")."""
    from pipeline.store import brand_kit

    logo = _read(args.logo) if args.logo else None
    photos = [_read(p) for p in args.image or []]
    with runtime.sessions.begin() as session:
        if logo is None and not photos:
            if not args.kit:
                return None
            return int(brand_kit.get_kit(session, user_id, args.kit).id)
        kit = brand_kit.save_kit(
            session, settings.data_dir, user_id, args.kit or CLI_KIT, logo=logo, photos=photos
        )
        return int(kit.id)


def cmd_users(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.auth import find_user
    from pipeline.store.users import add_user, set_disabled

    runtime = runtime_for(settings, recover=False)
    if args.users_cmd == "add":
        if args.password_stdin:
            password = sys.stdin.readline().rstrip("\n")
        else:
            password = getpass.getpass("Password: ")
        with runtime.sessions.begin() as session:
            user = add_user(
                session, args.username, password, name=args.name, email=args.email,
                is_admin=args.admin,
            )  # fmt: skip
            role = "admin" if user.is_admin else "user"
            print(f"{role} {user.username!r} created (id {user.id})")
        return 0
    if args.users_cmd in ("disable", "enable"):
        with runtime.sessions.begin() as session:
            found = find_user(session, args.username)
            if found is None:
                raise AdstudioError(f"No user {args.username!r}. See `users list`.")
            set_disabled(session, found.id, args.users_cmd == "disable")
        print(f"user {found.username!r} {args.users_cmd}d")
        return 0
    with runtime.sessions() as session:
        for user in repository.list_users(session):
            flags = ("admin " if user.is_admin else "") + ("disabled" if user.disabled else "")
            print(
                f"{user.id:4d}  {user.username:<20} {user.email:<30} "
                f"${user.total_cost:.4f}  {flags}".rstrip()
            )
    return 0


def cmd_kits(args: argparse.Namespace, settings: Settings) -> int:
    from pipeline.store import brand_kit

    runtime = runtime_for(settings, recover=False)
    owner = owner_id(runtime, args.user)
    if args.kits_cmd == "add":
        kit_id = brand_kit_id(runtime, settings, owner, args)
        if kit_id is None:
            raise AdstudioError("Give --logo PATH and/or --image PATH to add a brand kit.")
        print(f"brand kit {' '.join(args.kit.split())!r} saved")
    elif args.kits_cmd == "delete":
        with runtime.sessions.begin() as session:
            brand_kit.delete_kit(session, settings.data_dir, owner, args.kit)
        print(f"brand kit {args.kit!r} deleted")
    else:
        with runtime.sessions() as session:
            for kit in brand_kit.list_kits(session, owner):
                logo = "logo" if kit.logo else "no logo"
                colors = " ".join(kit.colors) or "-"
                print(f"{kit.name}\t{logo}\t{len(kit.photos)} photo(s)\t{colors}\t{kit.font_style}")
    return 0
