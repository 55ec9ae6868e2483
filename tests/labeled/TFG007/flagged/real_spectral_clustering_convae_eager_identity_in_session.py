# source: https://github.com/xdxuyang/Deep-Spectral-Clustering-using-Dual-Autoencoder-Network/issues/2  # known-miss: the op runs in a method called from inside the Session block (build_graph), and the eager tensor is a field made in __init__; captures are followed only in the block itself
# reported: Running the dual-autoencoder spectral clustering code (TF1-style: a ConvAE class keeps an identity matrix self.P = tf.eye(...) and subtracts it from the kNN affinity W) on TensorFlow 2 fails with "RuntimeError: Attempting to capture an EagerTensor without building a function."; the maintainer recommends an old TF 1.x.
# observed (TF 2.21): self.P is made eagerly in __init__, before the Session block; build_graph runs inside the block, so `W - self.P` raises RuntimeError ("y: Attempting to capture an EagerTensor without building a function.") at line 22.
import numpy as np
import tensorflow as tf


class ConvAE:
    def __init__(self, params):
        self.params = params
        self.P = tf.eye(params["batch_size"])

    def build_graph(self):
        p = self.params
        self.x = tf.compat.v1.placeholder(tf.float32, [p["batch_size"], p["input_dim"]], name="x")
        self.w_enc = tf.Variable(tf.random.normal([p["input_dim"], p["latent_dim"]], stddev=0.1))
        z_mean = tf.tanh(tf.matmul(self.x, self.w_enc))
        self.w_dec = tf.Variable(tf.random.normal([p["latent_dim"], p["input_dim"]], stddev=0.1))
        x_recon = tf.matmul(z_mean, self.w_dec)

        W = self.affinity(z_mean, scale=p["scale"])
        W = W - self.P  # expect: TFG007
        Dy = self.squared_distance(z_mean)
        loss_spectral = tf.reduce_sum(W * Dy) / p["batch_size"]
        loss_recon = tf.reduce_mean(tf.square(self.x - x_recon))
        self.loss = loss_spectral + loss_recon
        self.grads = tf.gradients(self.loss, [self.w_enc, self.w_dec])

    @staticmethod
    def squared_distance(z):
        sq = tf.reduce_sum(tf.square(z), axis=1, keepdims=True)
        return sq - 2.0 * tf.matmul(z, z, transpose_b=True) + tf.transpose(sq)

    def affinity(self, z, scale):
        return tf.exp(-self.squared_distance(z) / (2.0 * scale ** 2))


params = {"batch_size": 8, "input_dim": 6, "latent_dim": 2, "scale": 2.62}
model = ConvAE(params)
x_train = np.random.default_rng(0).normal(size=(8, 6)).astype(np.float32)

with tf.compat.v1.Session() as sess:
    model.build_graph()
    sess.run(tf.compat.v1.global_variables_initializer())
    loss, grads = sess.run([model.loss, model.grads], feed_dict={model.x: x_train})
    print("loss", loss, "grad shapes", [g.shape for g in grads])
