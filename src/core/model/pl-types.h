/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PlRecord       PlRecord;
typedef struct _PlStrategy     PlStrategy;
typedef struct _PlSection      PlSection;
typedef struct _PlPillar       PlPillar;
typedef struct _PlObjective    PlObjective;
typedef struct _PlAction       PlAction;
typedef struct _PlWorkshop     PlWorkshop;
typedef struct _PlStakeholder  PlStakeholder;
typedef struct _PlFeedback     PlFeedback;
typedef struct _PlSnapshot     PlSnapshot;

G_END_DECLS
