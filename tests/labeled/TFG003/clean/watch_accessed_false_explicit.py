# watch_accessed_variables=False, with the one variable of interest watched explicitly.
import tensorflow as tf

enc = tf.Variable(tf.random.normal([3, 2]))
dec = tf.Variable(tf.random.normal([2, 3]))
x = tf.random.normal([4, 3])
with tf.GradientTape(watch_accessed_variables=False) as tape:
    tape.watch(dec)
    recon = (x @ enc) @ dec
    loss = tf.reduce_mean((recon - x) ** 2)
g_dec = tape.gradient(loss, dec)
print(g_dec.shape)
