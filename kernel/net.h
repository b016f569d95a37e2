/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ctrpolicy - Network confinement: the socket hooks' decisions.
 */
#ifndef _SECURITY_CTRPOLICY_NET_H
#define _SECURITY_CTRPOLICY_NET_H

struct msghdr;
struct sockaddr;
struct sock;
struct socket;

int ctrpolicy_decide_socket_create(int family, int type, int protocol, int kern);
int ctrpolicy_decide_socket_bind(struct socket *sock, struct sockaddr *address,
				 int addrlen);
int ctrpolicy_decide_socket_connect(struct socket *sock,
				    struct sockaddr *address, int addrlen);
int ctrpolicy_decide_socket_listen(struct socket *sock);
int ctrpolicy_decide_socket_sendmsg(struct socket *sock, struct msghdr *msg);
int ctrpolicy_decide_socket_setsockopt(struct socket *sock, int level,
				       int optname);
int ctrpolicy_decide_sctp_bind_connect(struct sock *sk, int optname,
				       struct sockaddr *address, int addrlen);

#endif /* _SECURITY_CTRPOLICY_NET_H */
