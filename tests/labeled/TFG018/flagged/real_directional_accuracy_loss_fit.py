# source: https://github.com/rstudio/keras3/issues/193 (R keras; the same loss in Python Keras)
# reported: A "mean directional accuracy" loss compares K.sign of consecutive differences of labels and predictions with K.equal and averages the cast result; fit fails with "An operation has None for gradient" (Keras 2.1).
# observed (TF 2.21): model.fit raises ValueError: No gradients provided for any variable. at line 28; tf.equal on line 14 has no gradient.
import numpy as np
import tensorflow as tf

PRED_BATCH = 16
N_FEATURES = 3


def mda(y_true, y_pred):
    true_moves = tf.sign(y_true[1:, :] - y_true[:-1, :])
    pred_moves = tf.sign(y_pred[1:, :] - y_pred[:-1, :])
    direction = tf.equal(true_moves, pred_moves)  # expect: TFG018
    return 1.0 - tf.reduce_mean(tf.cast(direction, "float32"))


model = tf.keras.Sequential([
    tf.keras.Input((5, N_FEATURES)),
    tf.keras.layers.GRU(8),
    tf.keras.layers.Dense(1),
])
model.compile(loss=mda, optimizer=tf.keras.optimizers.Adam(1e-3))

series = np.cumsum(np.random.randn(PRED_BATCH + 5, N_FEATURES), axis=0).astype("float32")
windows = np.stack([series[i:i + 5] for i in range(PRED_BATCH)])
targets = series[5:5 + PRED_BATCH, :1]
model.fit(windows, targets, batch_size=PRED_BATCH, epochs=1, shuffle=False,  # raises: TFG018
          verbose=0)
